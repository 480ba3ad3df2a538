package io.tactus.app.replay;

import io.tactus.app.fx.LatestWinsLoader;
import io.tactus.app.fx.Threads;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
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
 * Frames are decoded off the FX thread, latest request wins. Testable without a stage.
 */
public final class ReplayViewModel {

    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};

    private final Threads threads;
    private final ReplayOpener opener;
    private final ReadOnlyObjectWrapper<ReplayDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplayDocument> compare = new ReadOnlyObjectWrapper<>();
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
    private final LatestWinsLoader<Long, FrameSnapshot> loader;
    private final LatestWinsLoader<Long, FrameSnapshot> compareLoader;
    private long lastPulse;

    public ReplayViewModel(Threads threads, ReplayOpener opener) {
        this.threads = threads;
        this.opener = opener;
        this.loader = new LatestWinsLoader<>(threads, t -> {
            ReplayDocument d = document.get();
            return d == null ? null : d.frameAt(t);
        }, f -> {
            if (f != null) {
                frame.set(f);
                framesLoaded.set(framesLoaded.get() + 1);
            }
        }, why -> status.set("Could not read the frame: " + why));
        this.compareLoader = new LatestWinsLoader<>(threads, t -> {
            ReplayDocument d = compare.get();
            return d == null ? null : d.frameAt(t);
        }, compareFrame::set, why -> status.set("Could not read the compared frame: " + why));
        positionUs.addListener((o, a, p) -> {
            updateTimeText();
            requestFrames();
        });
    }

    // ---- opening

    /** Opens a recording in the background; {@code onOpened} runs on the FX thread when it is shown. */
    public void open(Path file, Runnable onOpened) {
        status.set("Opening " + file.getFileName() + "...");
        playing.set(false);
        threads.background().execute(() -> {
            ReplayDocument d;
            try {
                d = opener.open(file);
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> status.set("Could not open " + file.getFileName() + ": " + why));
                return;
            }
            ReplayDocument doc = d;
            threads.fx().execute(() -> {
                ReplayDocument old = document.get();
                document.set(doc);
                events.setAll(doc.events());
                notes.setAll(doc.notes());
                notes.sort(Comparator.comparingLong(Note::timeUs));
                loopInUs.set(-1);
                loopOutUs.set(-1);
                frame.set(null);
                status.set(doc.title() + (doc.warnings().isEmpty() ? "" : "  (" + String.join("; ", doc.warnings())
                        + ")"));
                positionUs.set(doc.startUs());
                requestFrames();
                updateTimeText();
                if (old != null) {
                    threads.background().execute(old::close);
                }
                if (onOpened != null) {
                    onOpened.run();
                }
            });
        });
    }

    /** Opens a second recording shown beside the first, synced by time from each one's start. */
    public void openCompare(Path file) {
        threads.background().execute(() -> {
            try {
                ReplayDocument d = opener.open(file);
                threads.fx().execute(() -> {
                    ReplayDocument old = compare.get();
                    compare.set(d);
                    requestFrames();
                    if (old != null) {
                        threads.background().execute(old::close);
                    }
                });
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> status.set("Could not open " + file.getFileName() + ": " + why));
            }
        });
    }

    public void closeCompare() {
        ReplayDocument old = compare.get();
        compare.set(null);
        compareFrame.set(null);
        if (old != null) {
            threads.background().execute(old::close);
        }
    }

    public void close() {
        playing.set(false);
        closeCompare();
        ReplayDocument d = document.get();
        document.set(null);
        frame.set(null);
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
        ReplayDocument d = document.get();
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
        ReplayDocument d = document.get();
        if (d == null) {
            return;
        }
        if (!playing.get() && positionUs.get() >= d.endUs()) {
            positionUs.set(loopInUs.get() >= 0 ? loopInUs.get() : d.startUs());
        }
        playing.set(!playing.get());
    }

    public void seek(long us) {
        ReplayDocument d = document.get();
        if (d != null) {
            positionUs.set(Math.max(d.startUs(), Math.min(d.endUs(), us)));
        }
    }

    public void seekBy(long deltaUs) {
        seek(positionUs.get() + deltaUs);
    }

    /** Seeks to a fraction 0..1 of the recording (timeline drag). */
    public void seekFraction(double f) {
        ReplayDocument d = document.get();
        if (d != null) {
            seek(d.startUs() + Math.round(Math.max(0, Math.min(1, f)) * (d.endUs() - d.startUs())));
        }
    }

    /** One frame forward or back; pauses. */
    public void step(int frames) {
        ReplayDocument d = document.get();
        if (d == null) {
            return;
        }
        playing.set(false);
        long from = positionUs.get();
        threads.background().execute(() -> {
            try {
                long t = d.stepFrom(from, frames);
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
        ReplayDocument d = document.get();
        if (d == null || n.text() == null || n.text().isBlank()) {
            return;
        }
        threads.background().execute(() -> {
            try {
                Path before = d.file();
                Note stored = d.saveNote(new Note(n.id(), n.timeUs(), n.text().strip()));
                Path after = d.file();
                threads.fx().execute(() -> {
                    notes.removeIf(x -> x.id().equals(stored.id()));
                    notes.add(stored);
                    notes.sort(Comparator.comparingLong(Note::timeUs));
                    status.set("Note saved at " + clock(stored.timeUs() - d.startUs())
                            + (after.equals(before) ? "" : " in your copy " + after + " (" + before.getFileName()
                            + " is a sample or read-only and stays unchanged)"));
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.set("Could not save the note: " + e.getMessage()));
            }
        });
    }

    public void deleteNote(Note n) {
        ReplayDocument d = document.get();
        if (d == null) {
            return;
        }
        threads.background().execute(() -> {
            try {
                d.deleteNote(n.id());
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
        ReplayDocument d = document.get();
        if (d == null) {
            return;
        }
        long p = positionUs.get();
        loader.request(p);
        ReplayDocument c = compare.get();
        if (c != null) {
            long cp = c.startUs() + (p - d.startUs());
            compareLoader.request(Math.max(c.startUs(), Math.min(c.endUs(), cp)));
        }
    }

    private void updateTimeText() {
        ReplayDocument d = document.get();
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
        ReplayDocument d = document.get();
        String what = switch (e.type()) {
            case SPINE_CONTACT -> "Spine contact";
            case BONE_CONTACT -> "Bone contact";
            case EXCESS_PRESSURE -> "Excess pressure";
            case MARKER -> "Receiver marker";
        };
        return what + (e.region() == null ? "" : " on the "
                + io.tactus.signal.body.BodyMap.standard().displayName(e.region()).toLowerCase(Locale.ROOT))
                + " at " + clock(e.startUs() - (d == null ? 0 : d.startUs()))
                + (e.peakKpa() > 0 ? String.format(Locale.ROOT, ", peak %.0f kPa", e.peakKpa()) : "");
    }

    // ---- properties

    public ReadOnlyObjectProperty<ReplayDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplayDocument> compareProperty() {
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
