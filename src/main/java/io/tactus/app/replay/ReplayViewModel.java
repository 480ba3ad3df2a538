package io.tactus.app.replay;

import io.tactus.app.fx.Threads;
import io.tactus.session.IntegrityReport;
import io.tactus.session.RegionSeries;
import io.tactus.session.ReplayEngine;
import io.tactus.signal.FrameSnapshot;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ObservableList;

/**
 * The instructor's replay: one open recording (and optionally a second one to compare), a playhead that the
 * view's pulse advances at the chosen speed, seeking, stepping, flag-to-flag jumps, a loop range, and notes.
 * Frames come from the session layer's {@link ReplayEngine}, off the FX thread, latest request wins: dragging
 * shows fast previews, every other move (and letting go) settles on the exact frame a straight run shows.
 * While the engine's scan runs, the view is already usable, and the chart and the flag lanes fill in as the scan
 * proceeds (the engine publishes what it found so far a few times a second; built off the FX thread, only set
 * here).
 * Testable without a stage.
 */
public final class ReplayViewModel {

    public static final double[] SPEEDS = PlaybackClock.SPEEDS;

    private final Threads threads;
    private final ReplayOpener opener;
    private final ReadOnlyObjectWrapper<ReplayEngine> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final LongProperty positionUs = new SimpleLongProperty();
    private final PlaybackClock clock = new PlaybackClock();
    /**
     * What the empty replay view says in its heatmap area, naming the File menu's item as it reads (the Open
     * dialog starts in the user's recordings, or in sample-recordings/ before there are any).
     */
    public static final String OPEN_HINT = "Open a recording: File > Open recording... (Ctrl+O)\n"
            + "or drop a .tactus file here";

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No recording open");
    /** Empty until a recording is open: "0:00.000 / 0:00.000" would be a time that does not exist. */
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    private final ReplayScan scan;
    private final ReplayNotes notes;
    private final ReplayCompare compare;
    private final PlayheadFrames frames;
    private final ReplayReport report;
    /**
     * The flag the status line describes after a jump to it, until the playhead leaves its span: then the line goes
     * back to the recording's title, so "Spine contact at 0:11.0, peak 29 kPa" does not stand beside a playhead that
     * has moved on (null when the line says something else).
     */
    private TimelineEvent describedFlag;
    private boolean scrubbing;

    public ReplayViewModel(Threads threads, ReplayOpener opener) {
        this.threads = threads;
        this.opener = opener;
        this.frames = new PlayheadFrames(threads, positionUs::get, status::set);
        this.notes = new ReplayNotes(threads, status::set);
        this.compare = new ReplayCompare(threads, opener, status::set);
        this.scan = new ReplayScan(threads);
        this.report = new ReplayReport(threads, status::set, io.tactus.session.UserFiles::reportsDir);
        positionUs.addListener((o, a, p) -> {
            updateTimeText();
            requestFrames();
            forgetFlagOutside(p.longValue());
        });
    }

    // ---- opening

    /**
     * Opens a recording in the background; {@code onOpened} runs on the FX thread as soon as it can be shown
     * (its scan, which finds the flags and makes seeking fast, then continues in the background).
     */
    public void open(Path file, Runnable onOpened) {
        status.set("Opening " + file.getFileName() + "...");
        clock.playingProperty().set(false);
        threads.background().execute(() -> {
            ReplayEngine d;
            try {
                d = opener.open(file);
            } catch (Exception e) {
                threads.fx().execute(() -> status.set("Could not open " + file.getFileName() + ": "
                        + ReplayCompare.why(e)));
                return;
            }
            ReplayEngine doc = d;
            threads.fx().execute(() -> {
                ReplayEngine old = document.get();
                document.set(doc);
                scan.clear();
                notes.show(doc);
                clock.clearLoop();
                frames.clear();
                title.set(RecordingTitle.of(doc));
                status.set(title.get() + "  (scanning...)");
                positionUs.set(doc.startUs());
                requestFrames();
                updateTimeText();
                if (old != null) {
                    threads.background().execute(old::close);
                }
                if (onOpened != null) {
                    onOpened.run();
                }
                threads.background().execute(() -> scan.run(doc, () -> document.get() == doc, title::get,
                        status::set));
            });
        });
    }

    /** Opens a second recording shown beside the first, synced by time from each one's start. */
    public void openCompare(Path file) {
        compare.open(file, this::requestFrames);
    }

    public void closeCompare() {
        compare.close();
    }

    public void close() {
        clock.playingProperty().set(false);
        closeCompare();
        ReplayEngine d = document.get();
        document.set(null);
        frames.clear();
        scan.clear();
        title.set("");
        notes.show(null);
        if (d != null) {
            threads.background().execute(d::close);
        }
    }

    // ---- transport

    /** Advances the playhead when playing; call once per pulse on the FX thread. */
    public void pulse(long now) {
        ReplayEngine d = document.get();
        long p = clock.pulse(now, positionUs.get(), d == null ? 0 : d.endUs());
        if (d != null) {
            positionUs.set(p);
        }
    }

    public void togglePlay() {
        ReplayEngine d = document.get();
        if (d != null) {
            positionUs.set(clock.resumeFrom(positionUs.get(), d.startUs(), d.endUs()));
            clock.playingProperty().set(!clock.playingProperty().get());
        }
    }

    public void seek(long us) {
        ReplayEngine d = document.get();
        if (d != null) {
            positionUs.set(Math.max(d.startUs(), Math.min(d.endUs(), us)));
        }
    }

    /** While dragging the playhead: a fast preview frame; {@link #endScrub()} settles exactly. */
    public void scrubFraction(double f) {
        scrubbing = true;
        seekFraction(f);
    }

    /** The drag ended: load the exact frame at the playhead. */
    public void endScrub() {
        if (scrubbing) {
            scrubbing = false;
            requestFrames();
        }
    }

    public void seekBy(long deltaUs) {
        seek(positionUs.get() + deltaUs);
    }

    /** Seeks to a fraction 0..1 of the recording (timeline drag). */
    public void seekFraction(double f) {
        ReplayEngine d = document.get();
        if (d != null) {
            seek(d.startUs() + Math.round(Math.max(0, Math.min(1, f)) * (d.endUs() - d.startUs())));
        }
    }

    /** One frame forward or back; pauses. */
    public void step(int frames) {
        ReplayEngine d = document.get();
        if (d == null) {
            return;
        }
        clock.playingProperty().set(false);
        long from = positionUs.get();
        threads.background().execute(() -> {
            try {
                long t = d.frameTime(from, frames);
                threads.fx().execute(() -> seek(t));
            } catch (Exception e) {
                threads.fx().execute(() -> status.set("Could not step: " + e.getMessage()));
            }
        });
    }

    /** Jumps to the next flag (not markers or notes) after the playhead; returns false when there is none. */
    public boolean nextFlag() {
        return jumpToFlag(1);
    }

    public boolean previousFlag() {
        return jumpToFlag(-1);
    }

    private boolean jumpToFlag(int dir) {
        TimelineEvent e = scan.flagFrom(positionUs.get(), dir);
        if (e == null) {
            status.set(dir > 0 ? "No later flag" : "No earlier flag");
            return false;
        }
        seek(e.startUs());
        status.set(e.describe(document.get().startUs()));
        describedFlag = e;
        return true;
    }

    private void forgetFlagOutside(long p) {
        TimelineEvent e = describedFlag;
        if (e == null || p >= e.startUs() && p <= e.endUs()) {
            return;
        }
        describedFlag = null;
        if (document.get() != null && status.get().equals(e.describe(document.get().startUs()))) {
            status.set(title.get()); // only the flag's own line: a note saved or an error since stays
        }
    }

    public void setLoopIn() {
        clock.setLoopIn(positionUs.get());
    }

    public void setLoopOut() {
        if (!clock.setLoopOut(positionUs.get())) {
            status.set("Set the loop start ([) before its end (])");
        }
    }

    public void clearLoop() {
        clock.clearLoop();
    }

    public boolean looping() {
        return clock.looping();
    }

    public void faster() {
        clock.faster();
    }

    public void slower() {
        clock.slower();
    }

    // ---- notes

    /** Adds a note at the playhead and saves it into the recording in the background. */
    public void addNote(String text) {
        notes.save(new Note(null, positionUs.get(), text));
    }

    public void editNote(Note n, String text) {
        notes.save(new Note(n.id(), n.timeUs(), text));
    }

    public void deleteNote(Note n) {
        notes.delete(n);
    }

    // ---- report

    /**
     * Writes the session report of the open recording (HTML, the one report path of {@code tactus report}) into
     * the user's reports folder, with every note saved so far, in the background; the status line tells where,
     * and the opener (if set) shows it.
     */
    public void writeReport() {
        report.write(document.get(), notes.saved());
    }

    /** The Report button's state and settings: where reports go, what opens one, busy, the last one written. */
    public ReplayReport report() {
        return report;
    }

    // ---- helpers

    private void requestFrames() {
        ReplayEngine d = document.get();
        if (d == null) {
            return;
        }
        long p = positionUs.get();
        // Only a drag takes previews; playing continues the exact core forward (cheap), and jumps restore the
        // nearest checkpoint.
        frames.request(d, p, !scrubbing);
        compare.follow(p, d.startUs());
    }

    private void updateTimeText() {
        timeText.set(PlaybackClock.timeText(positionUs.get(), document.get()));
    }

    // ---- properties

    /** File name, pseudonyms, date and mat of the open recording ("" when none). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * Per-region pressure over time: the part scanned so far while the scan runs (null before its first
     * publication), the whole recording once it has finished.
     */
    public ReadOnlyObjectProperty<RegionSeries> seriesProperty() {
        return scan.seriesProperty();
    }

    /** 0..1 while the open recording is being scanned, 1 when done. */
    public ReadOnlyDoubleProperty scanProgressProperty() {
        return scan.progressProperty();
    }

    /** True when the frame shown is the exact one at the playhead (false while dragging or loading). */
    public ReadOnlyBooleanProperty settledProperty() {
        return frames.settledProperty();
    }

    /** The open recording's replay engine, or null. */
    public ReadOnlyObjectProperty<ReplayEngine> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplayEngine> compareProperty() {
        return compare.engineProperty();
    }

    public LongProperty positionUsProperty() {
        return positionUs;
    }

    public BooleanProperty playingProperty() {
        return clock.playingProperty();
    }

    public DoubleProperty speedProperty() {
        return clock.speedProperty();
    }

    public LongProperty loopInUsProperty() {
        return clock.loopInUsProperty();
    }

    public LongProperty loopOutUsProperty() {
        return clock.loopOutUsProperty();
    }

    public ReadOnlyObjectProperty<FrameSnapshot> frameProperty() {
        return frames.frameProperty();
    }

    /** The routine panel at the playhead: as the trainee's live panel showed it then. */
    ReplayCoach coach() {
        return frames.coach();
    }

    /** The frame at the playhead with the core's drawing of the back and the trails of the 2 s before it. */
    public ReadOnlyObjectProperty<io.tactus.session.ReplayFrame> drawnFrameProperty() {
        return frames.drawnProperty();
    }

    public ReadOnlyObjectProperty<io.tactus.session.ReplayFrame> compareDrawnFrameProperty() {
        return compare.drawnProperty();
    }

    public ReadOnlyObjectProperty<FrameSnapshot> compareFrameProperty() {
        return compare.frameProperty();
    }

    public ReadOnlyLongProperty framesLoadedProperty() {
        return frames.loadedProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ObservableList<TimelineEvent> events() {
        return scan.events();
    }

    /** Where the open recording lost data to file damage (device time); empty for a whole file. */
    public ObservableList<IntegrityReport.LostSpan> lostSpans() {
        return scan.lostSpans();
    }

    public ObservableList<Note> notes() {
        return notes.list();
    }
}
