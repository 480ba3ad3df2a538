package io.tactus.app.replay;

import io.tactus.app.fx.LatestWinsLoader;
import io.tactus.app.fx.Threads;
import io.tactus.session.Annotation;
import io.tactus.session.RegionSeries;
import io.tactus.session.ReplayEngine;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The instructor's replay: one open recording (and optionally a second one to compare), a playhead that the
 * view's pulse advances at the chosen speed, seeking, stepping, flag-to-flag jumps, a loop range, and notes.
 * Frames come from the session layer's {@link ReplayEngine}, off the FX thread, latest request wins: dragging
 * shows fast previews, every other move (and letting go) settles on the exact frame a straight run shows.
 * While the engine's scan runs, the view is already usable; flags and the chart appear when it ends.
 * Testable without a stage.
 */
public final class ReplayViewModel {

    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};

    /** A frame request: exact (settles) or a preview (while dragging). */
    private record Seek(long timeUs, boolean exact) {
    }

    /** A loaded frame and whether it is the exact one for its time. */
    private record Loaded(FrameSnapshot frame, boolean exact, long timeUs) {
    }

    private final Threads threads;
    private final ReplayOpener opener;
    private final ReadOnlyObjectWrapper<ReplayEngine> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplayEngine> compare = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RegionSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper scanProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(false);
    private final LongProperty positionUs = new SimpleLongProperty();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final LongProperty loopInUs = new SimpleLongProperty(-1);
    private final LongProperty loopOutUs = new SimpleLongProperty(-1);
    private final ObjectProperty<BodyRegion> chartRegion = new SimpleObjectProperty<>(null);
    private final ReadOnlyObjectWrapper<FrameSnapshot> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FrameSnapshot> compareFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper framesLoaded = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a recording (File > Open, or drop a file here)");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("0:00.000 / 0:00.000");
    private final ObservableList<TimelineEvent> events = FXCollections.observableArrayList();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final LatestWinsLoader<Seek, Loaded> loader;
    private final LatestWinsLoader<Long, FrameSnapshot> compareLoader;
    private boolean scrubbing;
    private long lastPulse;

    public ReplayViewModel(Threads threads, ReplayOpener opener) {
        this.threads = threads;
        this.opener = opener;
        this.loader = new LatestWinsLoader<>(threads, k -> {
            ReplayEngine d = document.get();
            return d == null ? null : new Loaded(k.exact() ? d.at(k.timeUs()) : d.preview(k.timeUs()), k.exact(),
                    k.timeUs());
        }, l -> {
            if (l != null && l.frame() != null) {
                frame.set(l.frame());
                framesLoaded.set(framesLoaded.get() + 1);
                settled.set(l.exact() && l.timeUs() == positionUs.get());
            }
        }, why -> status.set("Could not read the frame: " + why));
        this.compareLoader = new LatestWinsLoader<>(threads, t -> {
            ReplayEngine d = compare.get();
            return d == null ? null : d.at(t);
        }, compareFrame::set, why -> status.set("Could not read the compared frame: " + why));
        positionUs.addListener((o, a, p) -> {
            updateTimeText();
            requestFrames();
        });
    }

    // ---- opening

    /**
     * Opens a recording in the background; {@code onOpened} runs on the FX thread as soon as it can be shown
     * (its scan, which finds the flags and makes seeking fast, then continues in the background).
     */
    public void open(Path file, Runnable onOpened) {
        status.set("Opening " + file.getFileName() + "...");
        playing.set(false);
        threads.background().execute(() -> {
            ReplayEngine d;
            try {
                d = opener.open(file);
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> status.set("Could not open " + file.getFileName() + ": " + why));
                return;
            }
            ReplayEngine doc = d;
            threads.fx().execute(() -> {
                ReplayEngine old = document.get();
                document.set(doc);
                events.clear();
                series.set(null);
                notes.setAll(doc.reader().annotations().stream().filter(a -> !a.deleted())
                        .map(a -> new Note(a.id(), a.deviceTimeUs(), a.text())).toList());
                notes.sort(Comparator.comparingLong(Note::timeUs));
                loopInUs.set(-1);
                loopOutUs.set(-1);
                frame.set(null);
                settled.set(false);
                title.set(titleOf(doc));
                scanProgress.set(0);
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
                threads.background().execute(() -> scan(doc));
            });
        });
    }

    private void scan(ReplayEngine doc) {
        SessionAnalysis a;
        try {
            a = doc.scan(p -> threads.fx().execute(() -> {
                if (document.get() == doc && p < 1) {
                    scanProgress.set(p);
                    status.set(String.format(Locale.ROOT, "%s  (scanning %.0f %%)", title.get(), p * 100));
                }
            }));
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            threads.fx().execute(() -> status.set("Could not scan " + doc.file().getFileName() + ": " + why));
            return;
        }
        List<TimelineEvent> timeline = timeline(a, doc.endUs());
        List<String> warnings = doc.reader().integrity().clean() ? List.of()
                : List.of(doc.reader().integrity().summary());
        threads.fx().execute(() -> {
            if (document.get() != doc) {
                return;
            }
            events.setAll(timeline);
            series.set(a.series());
            scanProgress.set(1);
            status.set(title.get() + (warnings.isEmpty() ? "" : "  (" + String.join("; ", warnings) + ")"));
        });
    }

    /** Flags (open ones drawn to the end) and receiver markers, in start order. */
    static List<TimelineEvent> timeline(SessionAnalysis a, long endUs) {
        List<TimelineEvent> out = new ArrayList<>();
        boolean pipelineMarkers = false;
        for (FlagEvent f : a.events()) {
            pipelineMarkers |= f.type() == FlagType.MARKER;
            out.add(new TimelineEvent(f.type(), f.startUs(), f.isOpen() ? endUs : f.endUs(), f.region(),
                    f.peakKpa(), f.detail()));
        }
        if (!pipelineMarkers) { // markers before the first HELLO reach no pipeline
            for (SessionAnalysis.Marker m : a.markers()) {
                out.add(new TimelineEvent(FlagType.MARKER, m.deviceTimeUs(), m.deviceTimeUs(), null, 0,
                        m.code() == io.tactus.protocol.Payloads.Marker.TOO_MUCH ? "too much"
                                : m.code() == io.tactus.protocol.Payloads.Marker.MORE ? "more pressure" : "button"));
            }
        }
        out.sort(Comparator.comparingLong(TimelineEvent::startUs));
        return out;
    }

    /** File name, pseudonyms, start date and mat size. */
    static String titleOf(ReplayEngine d) {
        SessionMetadata m = d.reader().metadata();
        StringBuilder b = new StringBuilder(d.file().getFileName().toString());
        if (m != null) {
            if (m.trainee() != null) {
                b.append("  trainee ").append(m.trainee());
            }
            if (m.receiver() != null) {
                b.append("  receiver ").append(m.receiver());
            }
            if (m.startUtc() != null) {
                b.append("  ").append(m.startUtc().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
            }
        }
        if (d.descriptor() != null) {
            b.append("  ").append(d.descriptor().rows()).append('x').append(d.descriptor().cols());
        }
        return b.toString();
    }

    /** Opens a second recording shown beside the first, synced by time from each one's start. */
    public void openCompare(Path file) {
        threads.background().execute(() -> {
            try {
                ReplayEngine d = opener.open(file);
                threads.fx().execute(() -> {
                    ReplayEngine old = compare.get();
                    compare.set(d);
                    requestFrames();
                    if (old != null) {
                        threads.background().execute(old::close);
                    }
                    threads.background().execute(() -> {
                        try {
                            d.scan(null); // checkpoints: seeking the compared recording backwards stays fast
                        } catch (Exception e) {
                            String why = e.getMessage() == null ? e.toString() : e.getMessage();
                            threads.fx().execute(() -> status.set("Could not scan " + file.getFileName() + ": "
                                    + why));
                        }
                    });
                });
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> status.set("Could not open " + file.getFileName() + ": " + why));
            }
        });
    }

    public void closeCompare() {
        ReplayEngine old = compare.get();
        compare.set(null);
        compareFrame.set(null);
        if (old != null) {
            threads.background().execute(old::close);
        }
    }

    public void close() {
        playing.set(false);
        closeCompare();
        ReplayEngine d = document.get();
        document.set(null);
        frame.set(null);
        settled.set(false);
        series.set(null);
        title.set("");
        events.clear();
        notes.clear();
        if (d != null) {
            threads.background().execute(d::close);
        }
    }

    // ---- transport

    /** Advances the playhead when playing; call once per pulse on the FX thread. */
    public void pulse(long now) {
        long dt = lastPulse == 0 ? 0 : now - lastPulse;
        lastPulse = now;
        ReplayEngine d = document.get();
        if (d == null || !playing.get() || dt <= 0) {
            return;
        }
        dt = Math.min(dt, 100_000_000L); // a stalled pulse must not jump far ahead
        long next = positionUs.get() + (long) (dt / 1000.0 * speed.get());
        if (loopOutUs.get() > loopInUs.get() && loopInUs.get() >= 0 && next >= loopOutUs.get()) {
            next = loopInUs.get();
        } else if (next >= d.endUs()) {
            next = d.endUs();
            playing.set(false);
        }
        positionUs.set(next);
    }

    public void togglePlay() {
        ReplayEngine d = document.get();
        if (d == null) {
            return;
        }
        if (!playing.get() && positionUs.get() >= d.endUs()) {
            positionUs.set(loopInUs.get() >= 0 ? loopInUs.get() : d.startUs());
        }
        playing.set(!playing.get());
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
        playing.set(false);
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
        long p = positionUs.get();
        for (TimelineEvent e : events) {
            if (e.type() != FlagType.MARKER && e.startUs() > p + 1000) {
                seek(e.startUs());
                status.set(describe(e));
                return true;
            }
        }
        status.set("No later flag");
        return false;
    }

    public boolean previousFlag() {
        long p = positionUs.get();
        for (int i = events.size() - 1; i >= 0; i--) {
            TimelineEvent e = events.get(i);
            if (e.type() != FlagType.MARKER && e.startUs() < p - 1000) {
                seek(e.startUs());
                status.set(describe(e));
                return true;
            }
        }
        status.set("No earlier flag");
        return false;
    }

    public void setLoopIn() {
        loopInUs.set(positionUs.get());
        if (loopOutUs.get() >= 0 && loopOutUs.get() <= loopInUs.get()) {
            loopOutUs.set(-1);
        }
    }

    public void setLoopOut() {
        if (loopInUs.get() < 0 || positionUs.get() <= loopInUs.get()) {
            status.set("Set the loop start ([) before its end (])");
            return;
        }
        loopOutUs.set(positionUs.get());
    }

    public void clearLoop() {
        loopInUs.set(-1);
        loopOutUs.set(-1);
    }

    public boolean looping() {
        return loopInUs.get() >= 0 && loopOutUs.get() > loopInUs.get();
    }

    public void faster() {
        speed.set(nextSpeed(speed.get(), 1));
    }

    public void slower() {
        speed.set(nextSpeed(speed.get(), -1));
    }

    static double nextSpeed(double s, int dir) {
        int i = 0;
        while (i < SPEEDS.length - 1 && SPEEDS[i] < s) {
            i++;
        }
        return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + dir))];
    }

    // ---- notes

    /** Adds a note at the playhead and saves it into the recording in the background. */
    public void addNote(String text) {
        saveNote(new Note(null, positionUs.get(), text));
    }

    public void editNote(Note n, String text) {
        saveNote(new Note(n.id(), n.timeUs(), text));
    }

    private void saveNote(Note n) {
        ReplayEngine d = document.get();
        if (d == null || n.text() == null || n.text().isBlank()) {
            return;
        }
        threads.background().execute(() -> {
            try {
                String text = n.text().strip();
                Annotation a = d.saveAnnotation(n.id() == null ? Annotation.of(n.timeUs(), text)
                        : new Annotation(n.id(), n.timeUs(), text, false));
                Note stored = new Note(a.id(), a.deviceTimeUs(), a.text());
                threads.fx().execute(() -> {
                    notes.removeIf(x -> x.id().equals(stored.id()));
                    notes.add(stored);
                    notes.sort(Comparator.comparingLong(Note::timeUs));
                    status.set("Note saved at " + clock(stored.timeUs() - d.startUs()));
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.set("Could not save the note: " + e.getMessage()));
            }
        });
    }

    public void deleteNote(Note n) {
        ReplayEngine d = document.get();
        if (d == null) {
            return;
        }
        threads.background().execute(() -> {
            try {
                d.deleteAnnotation(new Annotation(n.id(), n.timeUs(), n.text(), false));
                threads.fx().execute(() -> {
                    notes.removeIf(x -> x.id().equals(n.id()));
                    status.set("Note deleted");
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.set("Could not delete the note: " + e.getMessage()));
            }
        });
    }

    // ---- helpers

    private void requestFrames() {
        ReplayEngine d = document.get();
        if (d == null) {
            return;
        }
        long p = positionUs.get();
        settled.set(false);
        // Only a drag takes previews; playing continues the exact core forward (cheap), and jumps restore the
        // nearest checkpoint.
        loader.request(new Seek(p, !scrubbing));
        ReplayEngine c = compare.get();
        if (c != null) {
            long cp = c.startUs() + (p - d.startUs());
            compareLoader.request(Math.max(c.startUs(), Math.min(c.endUs(), cp)));
        }
    }

    private void updateTimeText() {
        ReplayEngine d = document.get();
        if (d == null) {
            timeText.set("0:00.000 / 0:00.000");
        } else {
            timeText.set(clock(positionUs.get() - d.startUs()) + " / " + clock(d.endUs() - d.startUs()));
        }
    }

    /** m:ss.mmm from microseconds. */
    public static String clock(long us) {
        long ms = Math.max(0, us) / 1000;
        return String.format(Locale.ROOT, "%d:%02d.%03d", ms / 60_000, (ms / 1000) % 60, ms % 1000);
    }

    private String describe(TimelineEvent e) {
        ReplayEngine d = document.get();
        String what = switch (e.type()) {
            case SPINE_CONTACT -> "Spine contact";
            case BONE_CONTACT -> "Bone contact";
            case EXCESS_PRESSURE -> "Excess pressure";
            case MARKER -> "Receiver marker";
        };
        return what + (e.region() == null ? "" : " on the " + io.tactus.app.live.RegionNames.of(e.region()))
                + " at " + clock(e.startUs() - (d == null ? 0 : d.startUs()))
                + (e.peakKpa() > 0 ? String.format(Locale.ROOT, ", peak %.0f kPa", e.peakKpa()) : "");
    }

    // ---- properties

    /** File name, pseudonyms, date and mat of the open recording ("" when none). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Per-region pressure over the whole recording; null until the scan has finished. */
    public ReadOnlyObjectProperty<RegionSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** 0..1 while the open recording is being scanned, 1 when done. */
    public ReadOnlyDoubleProperty scanProgressProperty() {
        return scanProgress.getReadOnlyProperty();
    }

    /** True when the frame shown is the exact one at the playhead (false while dragging or loading). */
    public ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }

    /** The open recording's replay engine, or null. */
    public ReadOnlyObjectProperty<ReplayEngine> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplayEngine> compareProperty() {
        return compare.getReadOnlyProperty();
    }

    public LongProperty positionUsProperty() {
        return positionUs;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public LongProperty loopInUsProperty() {
        return loopInUs;
    }

    public LongProperty loopOutUsProperty() {
        return loopOutUs;
    }

    public ObjectProperty<BodyRegion> chartRegionProperty() {
        return chartRegion;
    }

    public ReadOnlyObjectProperty<FrameSnapshot> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrameSnapshot> compareFrameProperty() {
        return compareFrame.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty framesLoadedProperty() {
        return framesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ObservableList<TimelineEvent> events() {
        return events;
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    public List<TimelineEvent> flagsOnly() {
        return events.stream().filter(e -> e.type() != FlagType.MARKER).toList();
    }
}
