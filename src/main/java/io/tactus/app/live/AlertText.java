package io.tactus.app.live;

import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import java.util.Locale;

/**
 * The banner's words for an alert: what, where, the measured value and the limit in the title ("Too hard on
 * Shoulder (right): 203 kPa, limit 88 kPa"), what to do in the detail; the history's line with the alert's peak
 * ("... : peak 203 kPa, limit 88 kPa"). Plain Java, so the words are unit tested.
 */
public final class AlertText {

    private AlertText() {
    }

    /**
     * The banner's title: the value is the alert region's pressure now, the very number its gauge shows (so the
     * banner and the gauge never disagree while the pressure changes); NaN when there is no such number (the
     * cause has ended and the alert is in its hold, or no gauge reads the region), then the alert's peak is
     * given, labelled so. {@code limitKpa}: the core's threshold for this region, NaN when not
     * known (then it is left out).
     */
    public static String title(AlertState.Alert a, double nowKpa, double limitKpa) {
        return what(a) + ": " + (Double.isFinite(nowKpa) ? kpa(nowKpa) : "peak " + kpa(a.peakKpa()))
                + limit(limitKpa);
    }

    /** The alert history's line: the highest pressure while the alert lasted, labelled as the peak. */
    public static String historyLine(AlertState.Alert a, double limitKpa) {
        return what(a) + ": peak " + kpa(a.peakKpa()) + limit(limitKpa);
    }

    private static String what(AlertState.Alert a) {
        String where = where(a.type(), a.region());
        return switch (a.type()) {
            case SPINE_CONTACT -> "On the spine";
            case BONE_CONTACT -> "On the bone: " + where;
            case EXCESS_PRESSURE -> "Too hard on " + where;
            case MARKER -> "Receiver marker";
        };
    }

    private static String limit(double limitKpa) {
        return Double.isFinite(limitKpa) ? ", limit " + kpa(limitKpa) : "";
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

    /** The body map's display name of the region an alert is about (one naming source), "the back" if none. */
    public static String where(FlagType type, BodyRegion region) {
        BodyRegion r = region == null && type == FlagType.SPINE_CONTACT ? BodyRegion.SPINE : region;
        return r == null ? "the back" : BodyMap.standard().displayName(r);
    }

    static String kpa(double v) {
        return String.format(Locale.ROOT, "%.0f kPa", v);
    }
}
