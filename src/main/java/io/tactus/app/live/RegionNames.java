package io.tactus.app.live;

import io.tactus.signal.body.BodyRegion;

/** Words a trainee understands for each region (left/right are the receiver's, who lies prone). */
public final class RegionNames {

    private RegionNames() {
    }

    public static String of(BodyRegion r) {
        if (r == null) {
            return "back";
        }
        return switch (r) {
            case SPINE -> "spine";
            case SHOULDER_L -> "left shoulder";
            case SHOULDER_R -> "right shoulder";
            case SCAPULA_L -> "left shoulder blade";
            case SCAPULA_R -> "right shoulder blade";
            case THORACIC_L -> "left mid back";
            case THORACIC_R -> "right mid back";
            case LUMBAR_L -> "left lower back";
            case LUMBAR_R -> "right lower back";
            case SACRUM -> "sacrum";
            case ILIAC_L -> "left hip bone";
            case ILIAC_R -> "right hip bone";
        };
    }

    /** Short label for a gauge ("Shoulder", "Blade"...), the side is shown by the column. */
    public static String shortName(BodyRegion r) {
        return switch (r) {
            case SPINE -> "Spine";
            case SHOULDER_L, SHOULDER_R -> "Shoulder";
            case SCAPULA_L, SCAPULA_R -> "Shoulder blade";
            case THORACIC_L, THORACIC_R -> "Mid back";
            case LUMBAR_L, LUMBAR_R -> "Lower back";
            case SACRUM -> "Sacrum";
            case ILIAC_L, ILIAC_R -> "Hip bone";
        };
    }
}
