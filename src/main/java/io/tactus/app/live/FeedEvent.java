package io.tactus.app.live;

import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.technique.MovementFeedback;

/** Something that happened between two UI pulses; drained by the view model so short events are never missed. */
public sealed interface FeedEvent {

    /** A flag confirmed by the signal core. {@code hostNanos}: receive time of the frame being processed. */
    record FlagStarted(FlagEvent flag, long hostNanos) implements FeedEvent {
    }

    record FlagEnded(FlagEvent flag) implements FeedEvent {
    }

    /** The receiver pressed a button on the device (code 1 = too much, 2 = more, 3 = generic). */
    record Marker(long deviceTimeUs, long hostNanos, int code, String text) implements FeedEvent {
    }

    /** A movement ended, judged against the routine step: one per movement, so each is cued. */
    record Movement(MovementFeedback feedback) implements FeedEvent {
    }

    /** A device diagnostic (LOG / ERROR) or a bad payload, one line. */
    record Message(String text) implements FeedEvent {
    }
}
