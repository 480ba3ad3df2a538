package io.tactus.session;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.render.BackDrawing;
import io.tactus.render.CopTrails;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.SignalSettings;
import io.tactus.signal.body.Registration;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.technique.TechniqueSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * The replay engine: a recording opened for "what did the core show at time t", exact, for the replay view and
 * anything else that seeks. One core driver ({@link CoreRunner}) and one full pass ({@link SessionAnalyzer},
 * the same as {@code tactus analyze} and export); this class adds checkpoints and seeking.
 *
 * <p>{@link #scan} runs the full pass once (flags, per-region series, metrics) and, every
 * {@link #CHECKPOINT_EVERY_US} of device time, keeps a checkpoint: the complete state of the core (assembler,
 * every stateful pipeline stage, recorded commands applied so far) and the file position after that frame.
 * {@link #at} restores the latest checkpoint at or before t and runs the core forward to t, so its cost is
 * bounded by the checkpoint interval, not by t, and its result is the one a straight run from the start gives
 * (tested byte for byte). Checkpoints live in memory only (a few MB per hour; docs/benchmarks/session.md), never
 * in the recording.
 *
 * <p>{@link #frameAt} adds what the view draws besides pressure: the core's {@link BackDrawing} at that frame and
 * each hand's centre-of-pressure trail over the {@link #TRAIL_US} before it ({@link CopTrails}, the live view's
 * trail keeper, on device time). An exact seek therefore starts from the checkpoint at or before t minus the
 * trail window, so the trail is the one a straight run shows (at most {@link #CHECKPOINT_EVERY_US} plus
 * {@link #TRAIL_US} of processing).
 *
 * <p>Threads: {@link #scan} on one background thread; {@link #at}, {@link #preview} and {@link #frameTime} from
 * another (calls are serialised). Seeks work while the scan is running: they use the checkpoints made so far
 * (exact, but slower beyond the scanned part).
 */
public final class ReplayEngine implements AutoCloseable {

    /** Device time between two checkpoints: an exact seek runs the core over at most this much recording. */
    public static final long CHECKPOINT_EVERY_US = 4_000_000;
    /** A preview starts this long before its target with the state of the last checkpoint. */
    static final long PREVIEW_WARMUP_US = 2_000_000;
    /** Trails show the centre of pressure over this much recording before the position (as live: 2 s). */
    public static final long TRAIL_US = CopTrails.WINDOW_NANOS / 1000;

    /** The scan publishes what it has found so far at most this often (wall time). */
    public static final long SO_FAR_EVERY_NANOS = 250_000_000L;

    /**
     * What a running scan has found so far: independent copies, safe to hand to another thread.
     *
     * @param scannedToUs device time the scan has reached (open flags end here for now)
     * @param series      per-region pressure up to there
     * @param events      flags raised up to there (open ones included), in start order
     */
    public record ScanSoFar(long scannedToUs, RegionSeries series, List<FlagEvent> events) {
    }

    /** The core's state right after a frame, and where the file continues. */
    private record Checkpoint(long timeUs, RecordingReader.Mark mark, CoreRunner.State core) {
    }

    private final RecordingReader reader;
    private final Function<DeviceDescriptor, SignalPipeline> factory;
    private final List<Checkpoint> checkpoints = new ArrayList<>(); // guarded by itself; ascending time
    private volatile SessionAnalysis analysis;
    private volatile double scanned;

    // The positioned core, guarded by this.
    private CoreRunner core;
    /** Where notes are written: null = the file itself; else the user's copy of a sample / read-only file. */
    private volatile Path notesFile;
    private RecordingReader.Cursor cursor;
    private RecordedPacket next;
    /** Device time of the last packet fed; every packet at or before it has been fed. */
    private long fedUs;
    /** False after a preview: the core skipped part of the file and must not be continued for an exact seek. */
    private boolean exact;
    private FrameSnapshot current;
    /** Centre-of-pressure trails of the frames fed since {@link #trailsFromUs}, in device time (us x 1000). */
    private final CopTrails trails = new CopTrails();
    /** Trails hold every frame after this device time (MIN_VALUE: since the start of the file). */
    private long trailsFromUs;
    private SignalPipeline trailPipeline;
    private float[] trailCells = new float[0];
    private BackDrawing drawing;
    private Registration drawnRegistration;
    private SignalSettings drawnSettings;
    private DeviceDescriptor drawnDevice;

    public ReplayEngine(RecordingReader reader, Function<DeviceDescriptor, SignalPipeline> factory) {
        this.reader = Objects.requireNonNull(reader);
        this.factory = Objects.requireNonNull(factory);
        rewind();
    }

    /**
     * Opens a recording (index or verifying scan of the file, no signal processing yet).
     *
     * @throws RecordingException with a one-line reason when the file is not a readable recording or holds no
     *                            frames
     */
    public static ReplayEngine open(Path file, Function<DeviceDescriptor, SignalPipeline> factory)
            throws RecordingException {
        RecordingReader r = RecordingReader.open(file);
        if (r.summary().frames() == 0) {
            r.close();
            throw new RecordingException(file.getFileName() + " holds no frames");
        }
        return new ReplayEngine(r, factory);
    }

    public RecordingReader reader() {
        return reader;
    }

    /** The file notes go into (after a note on a sample recording: the user's copy of it). */
    public Path file() {
        Path own = notesFile;
        return own != null ? own : reader.file();
    }

    /** A sample recording or a read-only file is never rewritten: the first note makes the user's copy. */
    private Path writableFile() throws RecordingException {
        if (notesFile == null) {
            try {
                notesFile = UserFiles.ownCopy(reader.file(), UserFiles.sessionsDir());
            } catch (java.io.IOException e) {
                throw new RecordingException(e.getMessage());
            }
        }
        return notesFile;
    }

    /** The device from the metadata, else from the first HELLO the scan saw (null before that). */
    public DeviceDescriptor descriptor() {
        SessionMetadata m = reader.metadata();
        if (m != null && m.device() != null) {
            return m.device();
        }
        SessionAnalysis a = analysis;
        return a == null ? null : a.descriptor();
    }

    /** Device time of the first packet (the timeline's zero). */
    public long startUs() {
        return reader.firstTimeUs();
    }

    public long endUs() {
        return reader.lastTimeUs();
    }

    // ------------------------------------------------------------------ the scan

    /**
     * The full pass: runs the core over the whole recording (with its recorded commands), keeps a checkpoint
     * every {@link #CHECKPOINT_EVERY_US}, and returns the analysis (flags, series, metrics). Call once, off the
     * UI thread; {@code progress} gets 0..1 (at most about a hundred calls).
     *
     * @throws IOException when the file cannot be read further
     */
    public SessionAnalysis scan(DoubleConsumer progress) throws IOException {
        return scan(progress, null);
    }

    /**
     * {@link #scan(DoubleConsumer)}, also handing {@code soFar} the chart series and flags found so far, at most
     * every {@link #SO_FAR_EVERY_NANOS} (at checkpoints; a scan shorter than that publishes only its result), on
     * the scan's thread.
     */
    public SessionAnalysis scan(DoubleConsumer progress, Consumer<ScanSoFar> soFar) throws IOException {
        if (analysis != null) {
            return analysis;
        }
        long first = reader.firstTimeUs();
        double span = Math.max(1, reader.lastTimeUs() - first);
        SessionAnalysis a = new SessionAnalyzer(factory).analyze(reader, null, new SessionAnalyzer.ScanHook() {
            private long dueUs = -1;
            private int lastPct = -1;
            private long publishedAt = System.nanoTime();

            @Override
            public void afterPacket(CoreRunner c, RecordingReader.Cursor cur, RegionSeries series) {
                if (!c.frameDone()) {
                    return;
                }
                if (dueUs < 0) { // the first frame: seeking before the first checkpoint runs from the start
                    dueUs = cur.deviceTimeUs() + CHECKPOINT_EVERY_US;
                } else if (cur.deviceTimeUs() >= dueUs) {
                    dueUs = cur.deviceTimeUs() + CHECKPOINT_EVERY_US;
                    Checkpoint k = new Checkpoint(cur.deviceTimeUs(), cur.mark(), c.checkpoint());
                    synchronized (checkpoints) {
                        checkpoints.add(k);
                    }
                    int pct = (int) ((cur.deviceTimeUs() - first) * 100 / span);
                    scanned = Math.min(1, pct / 100.0);
                    if (pct != lastPct && progress != null) {
                        lastPct = pct;
                        progress.accept(scanned);
                    }
                    long now = System.nanoTime();
                    if (soFar != null && now - publishedAt >= SO_FAR_EVERY_NANOS) {
                        publishedAt = now;
                        soFar.accept(new ScanSoFar(cur.deviceTimeUs(), series.copy(), c.events()));
                    }
                }
            }
        });
        analysis = a;
        scanned = 1;
        if (progress != null) {
            progress.accept(1);
        }
        return a;
    }

    /** The scan's result, or null while it has not finished. */
    public SessionAnalysis analysis() {
        return analysis;
    }

    /** Fraction of the recording the scan has passed (1 when done). */
    public double scanned() {
        return scanned;
    }

    /** Checkpoints kept so far. */
    public int checkpointCount() {
        synchronized (checkpoints) {
            return checkpoints.size();
        }
    }

    // ------------------------------------------------------------------ seeking

    /**
     * Exact: the snapshot of the last frame at or before {@code deviceTimeUs}, as a straight run of the core
     * from the start of the file shows it (null if no frame is that early). Forward from the current position
     * it continues; otherwise it restores the latest checkpoint at or before the target and runs forward.
     */
    public synchronized FrameSnapshot at(long deviceTimeUs) {
        long trailFrom = deviceTimeUs - TRAIL_US;
        Checkpoint c = floor(trailFrom); // far enough back for the whole trail
        boolean canContinue = exact && fedUs <= deviceTimeUs && trailsFromUs <= trailFrom;
        if (!canContinue || (c != null && c.timeUs() > fedUs)) {
            if (c == null) {
                rewind();
            } else {
                restore(c);
            }
        }
        advance(deviceTimeUs);
        trails.expire(deviceTimeUs * 1000);
        return current;
    }

    /**
     * Exact, with what the view draws: {@link #at}, the core's drawing of the back at that frame and the trails of
     * the {@link #TRAIL_US} before {@code deviceTimeUs}. Null if no frame is that early.
     */
    public synchronized ReplayFrame frameAt(long deviceTimeUs) {
        return drawn(at(deviceTimeUs));
    }

    /** {@link #preview} with the drawing and the trails (over the preview's warm-up: approximate like the frame). */
    public synchronized ReplayFrame previewAt(long deviceTimeUs) {
        return drawn(preview(deviceTimeUs));
    }

    private ReplayFrame drawn(FrameSnapshot s) {
        if (s == null) {
            return null;
        }
        SignalPipeline p = core.pipeline();
        if (p == null) {
            return new ReplayFrame(s, null, List.of(), null, null, null);
        }
        TechniqueSnapshot technique = p.settings().technique() ? p.technique() : null;
        if (s.rows() == 1) {
            return new ReplayFrame(s, null, List.of(), p.routineProgress(), technique, p.profile());
        }
        if (drawing == null || !p.descriptor().equals(drawnDevice) || !p.settings().equals(drawnSettings)
                || !sameRegistration(p.registration(), drawnRegistration)) {
            drawing = BackDrawing.of(p); // only when it changes: views rebuild their back when it does
            drawnDevice = p.descriptor();
            drawnSettings = p.settings();
            drawnRegistration = p.registration();
        }
        return new ReplayFrame(s, drawing, trails.polylines(drawing.pxPerMmX(), drawing.pxPerMmY()),
                p.routineProgress(), technique, p.profile());
    }

    private static boolean sameRegistration(Registration a, Registration b) {
        return a == b || a != null && b != null && Arrays.equals(a.midline(), b.midline())
                && a.shoulderYmm() == b.shoulderYmm();
    }

    /**
     * Fast and approximate, for dragging a playhead: when a checkpoint (or the current position) is close
     * before {@code deviceTimeUs} this is {@link #at}; otherwise the core takes the state of the latest
     * checkpoint (tare, settings, open flags as they were there) and runs only the last
     * {@link #PREVIEW_WARMUP_US} before the target, so filters have settled but state built in between
     * (a tare or command there, flags, metrics) may differ. Settle with {@link #at} when the user lets go.
     */
    public synchronized FrameSnapshot preview(long deviceTimeUs) {
        Checkpoint c = floor(deviceTimeUs);
        long from = Math.max(exact && fedUs <= deviceTimeUs ? fedUs : Long.MIN_VALUE,
                c == null ? reader.firstTimeUs() : c.timeUs());
        if (deviceTimeUs - from <= 2 * CHECKPOINT_EVERY_US) {
            return at(deviceTimeUs);
        }
        CoreRunner r = new CoreRunner(factory, reader.commands(), c == null ? descriptorOrNull() : null);
        if (c != null) {
            r.restore(c.core());
        }
        RecordingReader.Cursor cur = reader.cursorAt(deviceTimeUs - PREVIEW_WARMUP_US);
        RecordedPacket p = cur.next();
        if (p == null) {
            return at(deviceTimeUs);
        }
        r.jumpTo(p);
        core = r;
        cursor = cur;
        next = p;
        exact = false;
        fedUs = Long.MIN_VALUE;
        current = null;
        trails.clear();
        trailsFromUs = p.deviceTimeUs();
        advance(deviceTimeUs);
        trails.expire(deviceTimeUs * 1000);
        FrameSnapshot s = current;
        return s != null ? s : at(deviceTimeUs);
    }

    /** Flag events the core has raised up to the current position (open ones included). */
    public synchronized List<FlagEvent> eventsSoFar() {
        return core.events();
    }

    /** The core's session metrics up to the current position (null before the first frame). */
    public synchronized SessionMetrics metricsSoFar() {
        return core.pipeline() == null ? null : core.pipeline().metrics();
    }

    /**
     * Device time of the frame {@code steps} frames after (positive) or before (negative) {@code timeUs}; the
     * first / last frame's time at the ends. Reads packet headers through the index, no signal processing.
     */
    public long frameTime(long timeUs, int steps) {
        long t = timeUs;
        for (int i = 0; i < Math.abs(steps); i++) {
            long n = steps > 0 ? frameAfter(t) : frameBefore(t);
            if (n == Long.MIN_VALUE) {
                break;
            }
            t = n;
        }
        return t;
    }

    private long frameAfter(long t) {
        RecordingReader.Cursor c = reader.cursorAt(t);
        RecordedPacket p;
        while ((p = c.next()) != null) {
            if (p.deviceTimeUs() > t && p.timed().packet().type().isFrame()) {
                return p.deviceTimeUs();
            }
        }
        return Long.MIN_VALUE;
    }

    private long frameBefore(long t) {
        long first = reader.firstTimeUs();
        for (long back = 1_000_000; ; back *= 8) {
            RecordingReader.Cursor c = t - back <= first ? reader.cursor() : reader.cursorAt(t - back);
            long found = Long.MIN_VALUE;
            RecordedPacket p;
            while ((p = c.next()) != null && p.deviceTimeUs() < t) {
                if (p.timed().packet().type().isFrame()) {
                    found = p.deviceTimeUs();
                }
            }
            if (found != Long.MIN_VALUE || t - back <= first) {
                return found;
            }
        }
    }

    // ------------------------------------------------------------------ notes

    /** Adds or replaces (same id) an annotation in the recording; returns it as stored. */
    public synchronized Annotation saveAnnotation(Annotation a) throws RecordingException {
        RecordingAppender.append(writableFile(), List.of(a), List.of());
        return a;
    }

    /** Appends the deletion of an annotation. */
    public synchronized void deleteAnnotation(Annotation a) throws RecordingException {
        RecordingAppender.append(writableFile(), List.of(a.asDeleted()), List.of());
    }

    @Override
    public void close() {
        reader.close();
    }

    // ------------------------------------------------------------------ internals

    private DeviceDescriptor descriptorOrNull() {
        SessionMetadata m = reader.metadata();
        return m == null ? null : m.device();
    }

    private Checkpoint floor(long t) {
        synchronized (checkpoints) {
            int lo = 0;
            int hi = checkpoints.size() - 1;
            Checkpoint best = null;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                Checkpoint c = checkpoints.get(mid);
                if (c.timeUs() <= t) {
                    best = c;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return best;
        }
    }

    private void rewind() {
        // As the scan (SessionAnalyzer): the metadata's descriptor decodes frames whose HELLO record is damaged.
        core = new CoreRunner(factory, reader.commands(), reader.metadata().device());
        cursor = reader.cursor();
        next = cursor.next();
        fedUs = Long.MIN_VALUE;
        exact = true;
        current = null;
        trails.clear();
        trailsFromUs = Long.MIN_VALUE;
    }

    private void restore(Checkpoint c) {
        core = new CoreRunner(factory, reader.commands(), null);
        core.restore(c.core());
        cursor = reader.cursorAt(c.mark());
        next = cursor.next();
        fedUs = c.timeUs();
        exact = true;
        current = core.snapshot();
        trails.clear();
        trailsFromUs = c.timeUs();
        trail(c.timeUs()); // the checkpoint's own frame: a straight run had it in its trail too
    }

    private void advance(long t) {
        boolean moved = false;
        while (next != null && next.deviceTimeUs() <= t) {
            core.feed(next.ordinal(), next.timed());
            if (core.frameDone()) {
                moved = true;
                trail(next.deviceTimeUs());
            }
            fedUs = next.deviceTimeUs();
            next = cursor.next();
        }
        if (moved) {
            current = core.snapshot();
        }
    }

    /** Adds the frame just processed to the trails: per tracked contact, or the combined centre of pressure. */
    private void trail(long frameUs) {
        SignalPipeline p = core.pipeline();
        if (p == null || p.descriptor().rows() == 1) {
            return;
        }
        if (p != trailPipeline) {
            if (trailPipeline != null && !trailPipeline.descriptor().equals(p.descriptor())) {
                trails.clear(); // another sensor: the old trail is in another grid
            }
            trailPipeline = p;
        }
        long nanos = frameUs * 1000;
        if (p.settings().technique()) {
            trails.contacts(nanos, p.technique().contacts());
        } else {
            int n = p.descriptor().cellCount();
            if (trailCells.length != n) {
                trailCells = new float[n];
            }
            FrameSnapshot s = p.snapshotInto(trailCells);
            if (s != null) {
                trails.combined(nanos, s.peakKpa(), p.settings().noiseFloorKpa(), s.copXmm(), s.copYmm());
            }
        }
    }
}
