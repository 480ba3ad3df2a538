package io.tactus.signal;

import io.tactus.device.RawFrame;

/**
 * The stream's clock and frame intake for a {@link SignalPipeline}: checks each frame's size (a frame of the wrong
 * size is counted and ignored, the first one logged), and keeps the frame interval, the last frame's index and
 * times, from which it derives each frame's time step (clamped to 4 intervals across a gap; 0 when the device
 * clock steps back). No allocation per frame.
 */
final class FrameIntake {

    private static final System.Logger LOG = System.getLogger(SignalPipeline.class.getName());

    private final int n;
    private double periodUs;
    private long index;
    private long timeUs;
    private long hostNanos;
    private boolean hasFrame;
    private long badFrames;

    FrameIntake(int cells, double rateHz) {
        this.n = cells;
        setRate(rateHz);
    }

    /** The device's frame rate (0 or less: 100 Hz assumed). */
    void setRate(double rateHz) {
        periodUs = 1e6 / (rateHz > 0 ? rateHz : 100);
    }

    /**
     * Takes a frame: its time step in device microseconds, or -1 when its size does not match the device (the
     * frame is then ignored and counted).
     */
    long accept(RawFrame frame) {
        int cells = frame.counts().length;
        if (cells != n) {
            if (badFrames++ == 0) {
                LOG.log(System.Logger.Level.WARNING, "frames of " + cells + " cells ignored, not " + n);
            }
            return -1;
        }
        long t = frame.deviceTimeUs();
        long dt = hasFrame ? Math.max(0, Math.min(t - timeUs, Math.round(4 * periodUs))) : Math.round(periodUs);
        index = frame.index();
        timeUs = t;
        hostNanos = frame.hostNanos();
        hasFrame = true;
        return dt;
    }

    double periodUs() {
        return periodUs;
    }

    long index() {
        return index;
    }

    long timeUs() {
        return timeUs;
    }

    long hostNanos() {
        return hostNanos;
    }

    boolean hasFrame() {
        return hasFrame;
    }

    long badFrames() {
        return badFrames;
    }

    /** Back to a checkpoint's clock. */
    void restore(PipelineState s) {
        periodUs = s.periodUs();
        index = s.index();
        timeUs = s.timeUs();
        hostNanos = s.hostNanos();
        hasFrame = s.hasFrame();
        badFrames = s.badFrames();
    }
}
