package io.tactus.signal.flags;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.state.Checkpointable;

/**
 * Debounce and hysteresis for one (flag type, region) condition, fed one value per frame. A condition that crosses
 * {@code on} and stays above the release level for {@code debounceUs} is confirmed in that frame; the event's start
 * is the first crossing frame. It ends once the value has stayed at or below the release level
 * ({@code on * (1 - hysteresis)}) for {@code releaseUs}; its end is the last frame above that level. No allocation
 * except on confirm and end (the event objects).
 */
final class FlagDetector implements Checkpointable<FlagDetector.State> {

    enum Phase { IDLE, PENDING, ACTIVE, RELEASING }

    /** Thresholds, phase and the open event's figures. */
    record State(double on, double release, long debounceUs, long releaseUs, Phase phase, long startUs,
                 long lastAboveUs, long belowSinceUs, double peak, int eventIndex) {
    }

    interface Sink {
        void confirmed(FlagDetector d);

        void ended(FlagDetector d);
    }

    final FlagType type;
    final BodyRegion region;
    private double on;
    private double release;
    private long debounceUs;
    private long releaseUs;
    private Phase state = Phase.IDLE;
    long startUs;
    long lastAboveUs;
    private long belowSinceUs;
    double peak;
    /** Index of the open event in the pipeline's event list, -1 when none. */
    int eventIndex = -1;

    FlagDetector(FlagType type, BodyRegion region) {
        this.type = type;
        this.region = region;
    }

    void configure(double onThreshold, double hysteresis, long debounceUs, long releaseUs) {
        this.on = onThreshold;
        this.release = onThreshold * (1 - hysteresis);
        this.debounceUs = debounceUs;
        this.releaseUs = releaseUs;
    }

    double threshold() {
        return on;
    }

    Phase state() {
        return state;
    }

    boolean isActive() {
        return state == Phase.ACTIVE || state == Phase.RELEASING;
    }

    void update(long t, double value, Sink sink) {
        switch (state) {
            case IDLE -> {
                if (value > on) {
                    state = Phase.PENDING;
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
                    state = Phase.IDLE;
                }
            }
            case ACTIVE -> {
                if (value > release) {
                    lastAboveUs = t;
                    peak = Math.max(peak, value);
                } else {
                    state = Phase.RELEASING;
                    belowSinceUs = t;
                    endIfDue(t, sink);
                }
            }
            case RELEASING -> {
                if (value > release) {
                    state = Phase.ACTIVE;
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
            state = Phase.ACTIVE;
            sink.confirmed(this);
        }
    }

    private void endIfDue(long t, Sink sink) {
        if (t - belowSinceUs >= releaseUs) {
            state = Phase.IDLE;
            sink.ended(this);
        }
    }

    /** End of stream: an active event ends at its last frame above the release level; a pending one is dropped. */
    void finish(Sink sink) {
        if (isActive()) {
            state = Phase.IDLE;
            sink.ended(this);
        } else {
            state = Phase.IDLE;
        }
    }

    /** Ends an open event now (e.g. on reconfiguration) without waiting for the release time. */
    void reset(Sink sink) {
        finish(sink);
    }

    @Override
    public State checkpoint() {
        return new State(on, release, debounceUs, releaseUs, state, startUs, lastAboveUs, belowSinceUs, peak,
                eventIndex);
    }

    @Override
    public void restore(State s) {
        on = s.on();
        release = s.release();
        debounceUs = s.debounceUs();
        releaseUs = s.releaseUs();
        state = s.phase();
        startUs = s.startUs();
        lastAboveUs = s.lastAboveUs();
        belowSinceUs = s.belowSinceUs();
        peak = s.peak();
        eventIndex = s.eventIndex();
    }
}
