package io.tactus.app.live;

import io.tactus.signal.FlagType;
import io.tactus.signal.Region;
import java.util.Locale;

/**
 * The banner's words for an alert: what, where, the measured value and the limit in the title ("Too hard on the
 * right shoulder: 203 kPa, limit 88 kPa"), what to do in the detail. Plain Java, so the words are unit tested.
 */
public final class AlertText {

    private AlertText() {
    }

    /** {@code limitKpa}: the core's threshold for this region, NaN when not known (then it is left out). */
    public static String title(AlertState.Alert a, double limitKpa) {
        String where = RegionNames.of(a.region());
        String what = switch (a.type()) {
            case SPINE_CONTACT -> "On the spine";
            case BONE_CONTACT -> "On the bone: " + where;
            case EXCESS_PRESSURE -> "Too hard on the " + where;
            case MARKER -> "Receiver marker";
        };
        return what + ": " + kpa(a.peakKpa()) + (Double.isFinite(limitKpa) ? ", limit " + kpa(limitKpa) : "");
    }

    /** What to do, and how many more alerts are showing behind this one. */
    public static String detail(AlertState.Alert a, int showing) {
        return switch (a.type()) {
            case SPINE_CONTACT -> "Work the muscles beside the spine, never on it.";
            case BONE_CONTACT -> "Work around the bone, not on it.";
            case EXCESS_PRESSURE -> "Ease off.";
            case MARKER -> "";
        } + (showing > 1 ? "  (+" + (showing - 1) + " more)" : "");
    }

    /** "left shoulder blade" style name of the region an alert is about (the spine when none). */
    public static String where(FlagType type, Region region) {
        return region == null && type == FlagType.SPINE_CONTACT ? RegionNames.of(Region.SPINE)
                : RegionNames.of(region);
    }

    static String kpa(double v) {
        return String.format(Locale.ROOT, "%.0f kPa", v);
    }
}
