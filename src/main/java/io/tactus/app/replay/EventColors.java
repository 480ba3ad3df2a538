package io.tactus.app.replay;

import io.tactus.signal.flags.FlagType;
import javafx.scene.paint.Color;

/** Timeline colours by event type; each type also has its own lane, so colour is never the only cue. */
final class EventColors {

    private EventColors() {
    }

    static Color of(FlagType t) {
        return switch (t) {
            case SPINE_CONTACT -> Color.web("#ff1744");
            case BONE_CONTACT -> Color.web("#ff9100");
            case EXCESS_PRESSURE -> Color.web("#e040fb");
            case MARKER -> Color.web("#ffd600");
        };
    }

    static int lane(FlagType t) {
        return t.ordinal();
    }

    static final Color NOTE = Color.web("#40c4ff");
}
