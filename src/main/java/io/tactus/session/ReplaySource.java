package io.tactus.session;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A recording played back as a packet source: paced by device time at 0.25x to 16x, with pause, exact seek,
 * frame stepping and a loop range. Plug it into a {@link LiveSession} like any device (the session then runs
 * lossless: a file can wait, so no packet is dropped and the flags are the ones the live run raised).
 *
 * <p>Exactness. The core has state (tare, filters, debounce, open flags), so the frame at time t depends on
 * everything before it. {@link #seek} keeps replays exact: forwards it fast-forwards (feeds every packet up to t
 * without pacing), backwards it restarts the stream from the beginning of the file (the sink is told to reset)
 * and fast-forwards to t. Recorded pipeline commands (tare...) are re-applied at their packet positions. The cost
 * of a backwards seek is the time the core needs to process the file up to t (see docs/benchmarks/session.md);
 * {@link #seekPreview} is the cheap approximate variant for scrubbing: it restarts about two seconds before t
 * with a fresh core, and the caller settles with {@link #seek} when the user lets go.
 *
 * <p>Threads: one playback thread (the source's); control methods may be called from any thread and return at
 * once.
 */
public final class ReplaySource implements PacketSource {

    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 16;
    private static final long PREVIEW_WARMUP_US = 2_000_000;

    private final RecordingReader reader;
    private final List<CommandRecord> commands;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Thread thread;
    private PacketSink sink;
    private volatile boolean closed;

    // Guarded by lock: requests from control methods.
    private boolean playing;
    private double speed = 1;
    private long seekRequest = -1;
    private boolean seekExact = true;
    private int stepRequests;
    private long loopFrom = -1;
    private long loopTo = -1;
    private boolean reanchor = true;

    // Playback thread state.
    private RecordingReader.Cursor cursor;
    private RecordedPacket next;
    private int nextCommand;
    private long anchorWallNs;
    private long anchorDeviceUs;
    private boolean atEnd;
    /** Device time of the last frame handed on; reader-thread working state. */
    private long currentUs = -1;
    /** What {@link #positionUs()} reports: only updated when not in the middle of a seek, so a playhead never
     *  shows the intermediate frames an exact backward seek replays from the start of the file. */
    private volatile long positionUs = -1;
    private boolean seeking;
    private volatile long emitted;
    private volatile Map<Corruption, Long> corruptNotes = Map.of();

    public ReplaySource(RecordingReader reader) {
        this.reader = reader;
        List<CommandRecord> sorted = new ArrayList<>(reader.commands());
        sorted.sort((a, b) -> Long.compare(a.beforePacket(), b.beforePacket()));
        this.commands = sorted;
    }

    @Override
    public String name() {
        return "replay: " + reader.file().getFileName();
    }

    public RecordingReader reader() {
        return reader;
    }

    /** Starts the playback thread, paused at the beginning; call {@link #play()}. */
    @Override
    public void start(PacketSink sink) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        this.sink = sink;
        thread = new Thread(this::run, "tactus-replay");
        thread.setDaemon(true);
        thread.start();
    }

    public void play() {
        control(() -> {
            playing = true;
            reanchor = true;
        });
    }

    public void pause() {
        control(() -> playing = false);
    }

    public boolean isPlaying() {
        lock.lock();
        try {
            return playing;
        } finally {
            lock.unlock();
        }
    }

    /** @throws IllegalArgumentException outside 0.25..16 */
    public void setSpeed(double s) {
        if (!(s >= MIN_SPEED && s <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be " + MIN_SPEED + "x to " + MAX_SPEED + "x, got " + s);
        }
        control(() -> {
            speed = s;
            reanchor = true;
        });
    }

    public double speed() {
        lock.lock();
        try {
            return speed;
        } finally {
            lock.unlock();
        }
    }

    /** Exact seek: afterwards the sink has processed every packet up to device time {@code t}. */
    public void seek(long deviceTimeUs) {
        control(() -> {
            seekRequest = Math.max(0, deviceTimeUs);
            seekExact = true;
        });
    }

    /** Approximate fast seek for scrubbing (fresh core from about 2 s before t); settle with {@link #seek}. */
    public void seekPreview(long deviceTimeUs) {
        control(() -> {
            seekRequest = Math.max(0, deviceTimeUs);
            seekExact = false;
        });
    }

    /** Emits packets up to and including the next frame (use while paused). */
    public void stepFrame() {
        control(() -> stepRequests++);
    }

    /** Plays {@code [fromUs, toUs]} over and over (device times). */
    public void setLoop(long fromUs, long toUs) {
        if (toUs <= fromUs) {
            throw new IllegalArgumentException("loop end must be after its start");
        }
        control(() -> {
            loopFrom = fromUs;
            loopTo = toUs;
        });
    }

    public void clearLoop() {
        control(() -> {
            loopFrom = -1;
            loopTo = -1;
        });
    }

    /** Device time of the last frame handed to the sink, or -1 before the first. */
    public long positionUs() {
        return positionUs;
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(0, emitted, corruptNotes, 0);
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void control(Runnable r) {
        lock.lock();
        try {
            r.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- playback thread

    private void run() {
        status(SourceState.CONNECTED, "replaying " + reader.file().getFileName());
        restart(reader.cursor(), 0);
        try {
            while (!closed) {
                long seek;
                boolean exact;
                boolean step;
                lock.lock();
                try {
                    seek = seekRequest;
                    exact = seekExact;
                    seekRequest = -1;
                    if (seek < 0 && next != null && loopTo >= 0 && next.deviceTimeUs() > loopTo) {
                        seek = loopFrom;
                        exact = true;
                    }
                    if (seek < 0) {
                        if (next == null || (!playing && stepRequests == 0)) {
                            if (next == null && !atEnd) {
                                atEnd = true;
                                playing = false;
                                lock.unlock();
                                try {
                                    status(SourceState.STOPPED, "end of recording");
                                } finally {
                                    lock.lock();
                                }
                                continue;
                            }
                            changed.await();
                            continue;
                        }
                        step = !playing && stepRequests > 0;
                        if (playing && !step) {
                            if (reanchor) {
                                anchorWallNs = System.nanoTime();
                                anchorDeviceUs = next.deviceTimeUs();
                                reanchor = false;
                            }
                            long due = anchorWallNs + (long) ((next.deviceTimeUs() - anchorDeviceUs) * 1000 / speed);
                            long wait = due - System.nanoTime();
                            if (wait > 200_000) {
                                changed.awaitNanos(wait);
                                continue;
                            }
                        }
                    } else {
                        step = false;
                    }
                } finally {
                    if (lock.isHeldByCurrentThread()) {
                        lock.unlock();
                    }
                }
                if (seek >= 0) {
                    doSeek(seek, exact);
                    continue;
                }
                boolean frame = emitNext();
                if (step && frame) {
                    lock.lock();
                    try {
                        stepRequests--;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        status(SourceState.STOPPED, "replay closed");
    }

    private void restart(RecordingReader.Cursor c, long fromOrdinal) {
        cursor = c;
        next = cursor.next();
        nextCommand = 0;
        while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() < fromOrdinal) {
            nextCommand++;
        }
        currentUs = -1;
        if (!seeking) {
            positionUs = -1;
        }
    }

    private void doSeek(long t, boolean exact) {
        seeking = true;
        try {
            seekTo(t, exact);
        } finally {
            seeking = false;
            positionUs = currentUs;
        }
    }

    private void seekTo(long t, boolean exact) {
        boolean backwards = currentUs < 0 ? next == null || next.deviceTimeUs() > t : t < currentUs;
        if (!exact) {
            reset();
            RecordingReader.Cursor c = reader.cursorAt(Math.max(0, t - PREVIEW_WARMUP_US));
            RecordedPacket first = c.next();
            long ord = first == null ? 0 : first.ordinal();
            // Commands before the restart point (tare...) still shape the state: apply them first.
            if (sink instanceof ReplayAwareSink r) {
                for (CommandRecord cr : commands) {
                    if (cr.beforePacket() < ord) {
                        r.onReplayCommand(cr.command());
                    }
                }
            }
            cursor = c;
            next = first;
            nextCommand = 0;
            while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() < ord) {
                nextCommand++;
            }
            currentUs = -1;
            if (next != null && next.timed().packet().type() != PacketType.HELLO
                    && reader.metadata().device() != null) {
                Packet p = next.timed().packet();
                sink.onPacket(new TimedPacket(new Packet(PacketType.HELLO, (p.seq() + 0xFFFF) & 0xFFFF,
                        p.deviceTimeUs(), reader.metadata().device().toJson()), System.nanoTime()));
            }
        } else if (backwards) {
            reset();
            restart(reader.cursor(), 0);
        }
        while (!closed && next != null && next.deviceTimeUs() <= t) {
            emitNext();
        }
        lock.lock();
        try {
            reanchor = true;
            if (next != null && atEnd) {
                atEnd = false;
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            status(SourceState.CONNECTED, "replaying " + reader.file().getFileName());
        }
    }

    private void reset() {
        if (sink instanceof ReplayAwareSink r) {
            r.onReplayReset();
        }
        atEnd = false;
    }

    /** Hands {@code next} to the sink; returns true if it was a frame. */
    private boolean emitNext() {
        RecordedPacket p = next;
        while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() <= p.ordinal()) {
            if (sink instanceof ReplayAwareSink r) {
                r.onReplayCommand(commands.get(nextCommand).command());
            }
            nextCommand++;
        }
        sink.onPacket(new TimedPacket(p.timed().packet(), System.nanoTime()));
        emitted++;
        boolean frame = p.timed().packet().type().isFrame();
        if (frame) {
            currentUs = p.deviceTimeUs();
            if (!seeking) {
                positionUs = currentUs;
            }
        }
        next = cursor.next();
        if (next == null) {
            corruptNotes = Map.copyOf(cursor.corruptNotes());
        }
        return frame;
    }

    private void status(SourceState s, String msg) {
        PacketSink k = sink;
        if (k != null) {
            k.onStatus(new SourceStatus(s, msg));
        }
    }
}
