package io.tactus.signal.flags;

import io.tactus.signal.body.BodyRegion;

/**
 * Debounce and hysteresis for one (flag type, region) condition, fed one value per frame. A condition that crosses
 * {@code on} and stays above the release level for {@code debounceUs} is confirmed in that frame; the event's start
 * is the first crossing frame. It ends once the value has stayed at or below the release level
 * ({@code on * (1 - hysteresis)}) for {@code releaseUs}; its end is the last frame above that level. No allocation
 * except on confirm and end (the event objects).
 */
public final class FlagDetector {

    enum State { IDLE, PENDING, ACTIVE, RELEASING }

    public interface Sink {
        void confirmed(FlagDetector d);

        void ended(FlagDetector d);
    }

    public final FlagType type;
    public final BodyRegion region;
    private double on;
    private double release;
    private long debounceUs;
    private long releaseUs;
    private State state = State.IDLE;
    public long startUs;
    public long lastAboveUs;
    private long belowSinceUs;
    public double peak;
    /** Index of the open event in the pipeline's event list, -1 when none. */
    public int eventIndex = -1;

    public FlagDetector(FlagType type, BodyRegion region) {
        this.type = type;
        this.region = region;
    }

    public void configure(double onThreshold, double hysteresis, long debounceUs, long releaseUs) {
        this.on = onThreshold;
        this.release = onThreshold * (1 - hysteresis);
        this.debounceUs = debounceUs;
        this.releaseUs = releaseUs;
    }

    public double threshold() {
        return on;
    }

    State state() {
        return state;
    }

    public boolean isActive() {
        return state == State.ACTIVE || state == State.RELEASING;
    }

    public void update(long t, double value, Sink sink) {
        switch (state) {
            case IDLE -> {
                if (value > on) {
                    state = State.PENDING;
                    startUs = t;
                    lastAboveUs = t;
                    peak = value;
                    confirmIfDue(t, sink);
                }
            }
            case PENDING -> {
                if (value > release) {
                    lastAboveUs = t;
                    peak = Math.max(peak, value);
                    confirmIfDue(t, sink);
                } else {
                    state = State.IDLE;
                }
            }
            case ACTIVE -> {
                if (value > release) {
                    lastAboveUs = t;
                    peak = Math.max(peak, value);
                } else {
                    state = State.RELEASING;
                    belowSinceUs = t;
                    endIfDue(t, sink);
                }
            }
            case RELEASING -> {
                if (value > release) {
                    state = State.ACTIVE;
                    lastAboveUs = t;
                    peak = Math.max(peak, value);
                } else {
                    endIfDue(t, sink);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void confirmIfDue(long t, Sink sink) {
        if (t - startUs >= debounceUs) {
            state = State.ACTIVE;
            sink.confirmed(this);
        }
    }

    private void endIfDue(long t, Sink sink) {
        if (t - belowSinceUs >= releaseUs) {
            state = State.IDLE;
            sink.ended(this);
        }
    }

    /** End of stream: an active event ends at its last frame above the release level; a pending one is dropped. */
    public void finish(Sink sink) {
        if (isActive()) {
            state = State.IDLE;
            sink.ended(this);
        } else {
            state = State.IDLE;
        }
    }

    /** Ends an open event now (e.g. on reconfiguration) without waiting for the release time. */
    void reset(Sink sink) {
        finish(sink);
    }
}
