package io.tactus.library;

import io.tactus.report.Pictures;
import io.tactus.report.ReportWriter;
import io.tactus.report.Scores;
import io.tactus.session.export.AppVersion;
import io.tactus.session.export.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A trainee's progress: the main scores over their sessions (oldest first) as a table and charts, one
 * self-contained HTML file like a session report (src/main/jte/progress.jte).
 *
 * @param trainee  the pseudonym
 * @param sessions every library session of the trainee, oldest first (unreadable ones listed with their problem)
 * @param charts   one chart per main score
 */
public record ProgressReport(String trainee, List<LibraryEntry> sessions, List<Chart> charts, String generator) {

    /** A chart's markup under its score key. */
    public record Chart(String key, String markup) {
    }

    /** The main scores followed over sessions, and how each is charted. */
    public enum Measure {
        SPINE_PER_MIN("spine_contacts_per_min", "Spine contacts per minute", "per min", null, null,
                Scores::spineContactsPerMinute),
        EXCESS_S("excess_s", "Seconds above the hard maximum", "s", null, null, Scores::excessS),
        TIME_IN_BAND("time_in_band", "Muscle time in the target band", "%", null, 100.0,
                s -> 100 * s.timeInBand()),
        LEFT_SHARE("left_share", "Force on the receiver's left (50 % = balanced)", "%", 50.0, 100.0,
                s -> 100 * s.leftShare()),
        ROUTINE("routine_completion", "Routine steps completed", "%", null, 100.0,
                s -> 100 * s.routineCompletion());

        final String key;
        final String title;
        final String unit;
        final Double reference;
        final Double upper;
        final ToDoubleFunction<Scores> value;

        Measure(String key, String title, String unit, Double reference, Double upper, ToDoubleFunction<Scores> value) {
            this.key = key;
            this.title = title;
            this.unit = unit;
            this.reference = reference;
            this.upper = upper;
            this.value = value;
        }

        /** The value for an entry, null when unknown (unreadable session, no routine analysis). */
        public Double of(LibraryEntry e) {
            if (e.scores() == null) {
                return null;
            }
            double v = value.applyAsDouble(e.scores());
            return Double.isFinite(v) ? v : null;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }
    }

    public static ProgressReport of(String trainee, List<LibraryEntry> sessions, Pictures pictures) {
        List<Chart> charts = new ArrayList<>();
        for (Measure m : Measure.values()) {
            List<Double> v = sessions.stream().map(m::of).toList();
            if (v.stream().allMatch(x -> x == null)) {
                continue; // e.g. no session has a routine analysis: no empty chart
            }
            charts.add(new Chart(m.key, pictures.markup(new ScoreChart(m.title, m.unit, v, m.reference, m.upper))));
        }
        return new ProgressReport(trainee, List.copyOf(sessions), List.copyOf(charts), "Tactus " + AppVersion.get());
    }

    /** Writes DIR/progress-TRAINEE.html; the path is returned. */
    public static Path write(SessionLibrary library, String trainee, Path outDir) throws IOException {
        List<LibraryEntry> sessions = library.list(SessionLibrary.Query.trainee(trainee));
        if (sessions.isEmpty()) {
            throw new IOException("no session of trainee '" + trainee + "' in the library " + library.file()
                    + " (add folders with `tactus library add DIR`)");
        }
        String html = ReportWriter.render("progress.jte", of(trainee, sessions, Pictures.SVG));
        String name = "progress-" + trainee.replaceAll("[^A-Za-z0-9_.-]", "_") + ".html";
        try (AtomicOutput out = new AtomicOutput(outDir, true)) {
            Files.writeString(out.file(name), html, StandardCharsets.UTF_8);
            return out.commit().get(0);
        }
    }
}
