package io.tactus.report;

import io.tactus.session.SessionAnalysis;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.SessionMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "What to work on next": a few plain sentences generated from the findings, largest issue first. Safety comes
 * before technique (the guidance's hard rules: spine, bone, excess pressure), then the pressure band, balance,
 * routine and coverage. Each finding carries a weight so the order follows how much of the session it concerned.
 */
public final class NextSteps {

    /** One item of the list; {@code weight} orders the list (larger first). */
    public record Item(String text, double weight) {
    }

    /** Below this share of touched muscle time in the band, the band becomes a finding. */
    static final double BAND_TARGET = 0.7;
    /** A left share further than this from 0.5 is a balance finding. */
    static final double BALANCE_TOLERANCE = 0.1;

    private static final BodyMap NAMES = BodyMap.defaultMap();

    private NextSteps() {
    }

    public static List<Item> of(Scores s, SessionAnalysis a) {
        List<Item> out = new ArrayList<>();
        if (s.spineContacts() > 0) {
            out.add(new Item(String.format(Locale.ROOT, "Keep off the spine: %d contact%s (%.1f s in all). Work the"
                    + " muscles on either side of it and slide beside the spine, never on it.", s.spineContacts(),
                    s.spineContacts() == 1 ? "" : "s", s.spineContactS()), 1000 + 10 * s.spineContactS()));
        }
        Map<BodyRegion, double[]> bone = perRegion(a, FlagType.BONE_CONTACT);
        bone.forEach((r, v) -> out.add(new Item(String.format(Locale.ROOT, "Work around the %s, not on it: %d"
                + " contact%s (%.1f s).", regionName(r), (int) v[0], v[0] == 1 ? "" : "s", v[1]), 800 + 10 * v[1])));
        Map<BodyRegion, double[]> excess = perRegion(a, FlagType.EXCESS_PRESSURE);
        excess.forEach((r, v) -> out.add(new Item(String.format(Locale.ROOT, "Press more gently on the %s: %.1f s"
                + " above its hard maximum (peak %.0f kPa).%s", regionName(r), v[1], v[2],
                r == BodyRegion.SHOULDER_L || r == BodyRegion.SHOULDER_R ? " Shoulders are tight and sensitive." : ""),
                600 + 10 * v[1])));
        if (s.tooMuchMarkers() > 0) {
            out.add(new Item(String.format(Locale.ROOT, "The receiver pressed the marker button %d time%s: ask how"
                    + " the pressure feels and stop when it hurts.", s.tooMuchMarkers(),
                    s.tooMuchMarkers() == 1 ? "" : "s"), 550));
        }
        if (!Double.isNaN(s.timeInBand()) && s.timeInBand() < BAND_TARGET) {
            boolean tooLight = s.timeBelowBand() >= s.timeAboveBand();
            out.add(new Item(String.format(Locale.ROOT, "Keep the pressure in the target band: %.0f %% of the time on"
                    + " the muscles was in it; mostly %s (%.0f %% %s).", 100 * s.timeInBand(),
                    tooLight ? "too light" : "too firm", 100 * (tooLight ? s.timeBelowBand() : s.timeAboveBand()),
                    tooLight ? "below" : "above"), 300 + 200 * (BAND_TARGET - s.timeInBand())));
        }
        if (!Double.isNaN(s.leftShare()) && Math.abs(s.leftShare() - 0.5) > BALANCE_TOLERANCE) {
            boolean left = s.leftShare() > 0.5;
            out.add(new Item(String.format(Locale.ROOT, "Balance both sides: %.0f %% of the force went to the"
                    + " receiver's %s side. Repeat each stroke on the other side.",
                    100 * (left ? s.leftShare() : 1 - s.leftShare()), left ? "left" : "right"),
                    200 + 400 * Math.abs(s.leftShare() - 0.5)));
        }
        if (s.routineSteps() > 0 && s.routineStepsDone() < s.routineSteps()) {
            out.add(new Item(String.format(Locale.ROOT, "Finish the routine: %d of %d steps done.",
                    s.routineStepsDone(), s.routineSteps()), 150 + 100 * (1 - s.routineCompletion())));
        }
        TreeSet<String> untouched = new TreeSet<>();
        for (SessionMetrics.RegionMetrics rm : a.regions()) {
            BodyRegion r = BodyRegion.fromId(rm.region());
            if (r.kind() == BodyRegion.Kind.MUSCLE && rm.timeTouchedS() == 0) {
                untouched.add(regionName(r));
            }
        }
        if (!untouched.isEmpty() && a.metrics().contactSeconds() > 0) {
            out.add(new Item("Cover the whole back: no work on the " + String.join(", ", untouched) + ".",
                    100 + 10 * untouched.size()));
        }
        out.sort(Comparator.comparingDouble(Item::weight).reversed());
        if (out.isEmpty()) {
            out.add(new Item("No safety or technique issue found. Keep the pressure in the band and repeat the"
                    + " routine on both sides.", 0));
        }
        return List.copyOf(out);
    }

    /** Per region: {count, seconds, peak kPa} of one flag type, regions in enum order. */
    private static Map<BodyRegion, double[]> perRegion(SessionAnalysis a, FlagType type) {
        Map<BodyRegion, double[]> m = new EnumMap<>(BodyRegion.class);
        for (FlagEvent e : a.events()) {
            if (e.type() != type || e.region() == null) {
                continue;
            }
            double[] v = m.computeIfAbsent(e.region(), r -> new double[3]);
            v[0]++;
            v[1] += e.isOpen() ? 0 : (e.endUs() - e.startUs()) / 1e6;
            v[2] = Math.max(v[2], e.peakKpa());
        }
        return m;
    }

    /**
     * The region's display name from the body map (the one naming source), lower-cased for a sentence:
     * "shoulder blade (right)"; the receiver's sides.
     */
    public static String regionName(BodyRegion r) {
        String n = NAMES.displayName(r);
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    /** For tests and logs: the texts only. */
    public static List<String> texts(List<Item> items) {
        return items.stream().map(Item::text).collect(Collectors.toList());
    }
}
