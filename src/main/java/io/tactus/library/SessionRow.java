package io.tactus.library;

import io.tactus.report.Scores;
import io.tactus.session.FileAnalysis;
import io.tactus.session.IntegrityReport;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.metrics.SessionMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One session as the library and cohort tables hold it: where the file is and what it was when indexed, whether
 * it could be read (never skipped: an unreadable file is a row with its error), metadata, scores, events and
 * per-region statistics. Values are those of `analyze --json` (rounded where it rounds) so the tables and the JSON
 * agree.
 *
 * @param status   the recording's integrity status ({@link #OK}, {@link #CUT}: not closed normally, every complete
 *                 record read; {@link #DAMAGED}: unreadable records inside; both analysed as far as readable) or
 *                 {@link #UNREADABLE}
 * @param problem  null when ok; the integrity summary or the one-line error otherwise
 * @param framesLost  frames lost to damage (integrity lost spans), null when unreadable
 * @param secondsLost their duration
 * @param scores   null when unreadable
 */
public record SessionRow(FileStamp file, String status, String problem, String trainee, String receiver,
                         String startUtc, String device, String profile, Long frames, Long droppedPackets,
                         Long corrupt, Long recorderLost, Long framesLost, Double secondsLost, Scores scores, List<EventRow> events,
                         List<RegionRow> regions) {

    public static final String OK = "ok";
    public static final String CUT = "cut";
    public static final String DAMAGED = "damaged";
    public static final String UNREADABLE = "unreadable";

    public SessionRow {
        events = List.copyOf(events);
        regions = List.copyOf(regions);
    }

    /** A flag event (or marker); {@code endS} null while open at the end. */
    public record EventRow(int index, String type, double startS, Double endS, String region, double peakKpa,
                           String detail) {
    }

    /** Per-region statistics: one row of `analyze --json` "regions" (the core's, over all segments). */
    public record RegionRow(String region, double timeTouchedS, double timeBelowS, double timeWithinS,
                            double timeAboveS, double ptiKpaS, double impulseNs, double peakKpa) {
    }

    /** A row for a file that could not be analysed. */
    public static SessionRow unreadable(FileStamp file, String error) {
        return new SessionRow(file, UNREADABLE, error, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), List.of());
    }

    /**
     * Analyses one file; never throws for a bad file (the row says what went wrong).
     *
     * @param profileId profile for the flags; null = the recording's own
     */
    public static SessionRow analyze(FileStamp file, String profileId) {
        FileAnalysis.Result r;
        try {
            r = FileAnalysis.analyze(file.path(), profileId, null, null);
        } catch (java.io.IOException e) {
            return unreadable(file, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug or a file nobody anticipated must not stop the indexer: the row carries it
            return unreadable(file, "cannot analyse: " + e);
        }
        return of(file, r);
    }

    static SessionRow of(FileStamp file, FileAnalysis.Result r) {
        SessionAnalysis a = r.analysis();
        List<EventRow> events = new ArrayList<>();
        int i = 0;
        for (FlagEvent e : a.events()) {
            events.add(new EventRow(i++, e.type().id(), round(a.secondsFromStart(e.startUs())),
                    e.isOpen() ? null : round(a.secondsFromStart(e.endUs())),
                    e.region() == null ? null : e.region().id(), round(e.peakKpa()), e.detail()));
        }
        List<RegionRow> regions = new ArrayList<>();
        for (SessionMetrics.RegionMetrics m : a.regions()) {
            // as `analyze --json` prints them (unrounded)
            regions.add(new RegionRow(m.region(), m.timeTouchedS(), m.timeBelowS(), m.timeWithinS(),
                    m.timeAboveS(), m.ptiKpaS(), m.impulseNs(), m.peakKpa()));
        }
        SessionMetadata md = r.metadata();
        SessionAnalysis.StreamStats st = a.stream();
        long corrupt = st.corrupt().values().stream().mapToLong(Long::longValue).sum();
        IntegrityReport ir = a.integrity();
        boolean clean = ir == null || ir.clean();
        return new SessionRow(file, clean ? OK : ir.status(), clean ? null : ir.summary(),
                md == null ? null : md.trainee(), md == null ? null : md.receiver(),
                md == null ? null : md.startUtc(), a.descriptor() == null ? null : a.descriptor().device(),
                r.profile(), a.metrics().frames(), st.droppedPackets(), corrupt, st.recorderLost(),
                ir == null ? 0L : ir.framesLost(), ir == null ? 0.0 : round(ir.secondsLost()), Scores.of(r),
                events, regions);
    }

    private static double round(double v) {
        Double d = Scores.round(v);
        return d == null ? Double.NaN : d;
    }

    /** "ok", "damaged: ...", "unreadable: ..." for listings. */
    public String statusLine() {
        return problem == null ? status : status + ": " + problem;
    }

    /** The file name for listings. */
    public String name() {
        Path n = file.path().getFileName();
        return n == null ? file.path().toString() : n.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SessionRow[%s, %s]", file.path(), statusLine());
    }
}
