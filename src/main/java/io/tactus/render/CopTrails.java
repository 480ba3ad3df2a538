package io.tactus.render;

import io.tactus.signal.technique.TrackedContact;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * The centre-of-pressure trail of each hand over the last {@link #WINDOW_NANOS}: points per tracked contact id
 * (or one combined trail, id 0, when the core has no contact tracking), dropped as they age. The one trail keeper
 * of the live view (wall time), the glove view and the replay engine (device time, so a replay's trail at a
 * position is the last 2 s of recording before it). Plain Java, not thread-safe.
 */
public final class CopTrails {

    public static final long WINDOW_NANOS = 2_000_000_000L;
    private static final int MAX_POINTS = 400;

    /** One point in mat mm. */
    private record Point(long atNanos, double xMm, double yMm) {
    }

    private final Map<Integer, List<Point>> trails = new TreeMap<>(); // by contact id: the same order however the trail began
    /** Once tracked contacts arrive, the combined centre of pressure no longer makes a trail of its own. */
    private boolean tracked;

    /** The tracked contacts of one frame: one trail per contact id. */
    public void contacts(long nowNanos, List<TrackedContact> contacts) {
        tracked = true;
        for (TrackedContact c : contacts) {
            add(c.id(), nowNanos, c.xMm(), c.yMm());
        }
        expire(nowNanos);
    }

    /** One frame's combined centre of pressure, the one trail when there is no tracking (above the floor only). */
    public void combined(long nowNanos, double peakKpa, double floorKpa, double copXmm, double copYmm) {
        if (!tracked && peakKpa > floorKpa) {
            add(0, nowNanos, copXmm, copYmm);
        }
        expire(nowNanos);
    }

    /** Adds where contact {@code id} is now (NaN positions are ignored). */
    public void add(int id, long nowNanos, double xMm, double yMm) {
        if (Double.isNaN(xMm) || Double.isNaN(yMm)) {
            return;
        }
        List<Point> t = trails.computeIfAbsent(id, k -> new ArrayList<>());
        t.add(new Point(nowNanos, xMm, yMm));
        if (t.size() > MAX_POINTS) {
            t.remove(0);
        }
    }

    /** Drops points older than the window, and trails left empty. */
    public void expire(long nowNanos) {
        trails.values().forEach(t -> t.removeIf(p -> nowNanos - p.atNanos() > WINDOW_NANOS));
        trails.values().removeIf(List::isEmpty);
    }

    public void clear() {
        trails.clear();
        tracked = false;
    }

    /** Each trail with at least two points, oldest first, in raster pixels (mm times pixels per mm). */
    public List<double[]> polylines(double pxPerMmX, double pxPerMmY) {
        List<double[]> out = new ArrayList<>();
        for (List<Point> t : trails.values()) {
            if (t.size() < 2) {
                continue;
            }
            double[] xy = new double[t.size() * 2];
            for (int i = 0; i < t.size(); i++) {
                xy[2 * i] = t.get(i).xMm() * pxPerMmX;
                xy[2 * i + 1] = t.get(i).yMm() * pxPerMmY;
            }
            out.add(xy);
        }
        return out;
    }

    /** How many contacts have a trail now. */
    public int size() {
        return trails.size();
    }
}
