package io.tactus.app.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The centre-of-pressure trail of each hand over the last {@link #WINDOW_NANOS}: points per tracked contact id
 * (or one combined trail, id 0, when the feed has no tracking), dropped as they age. Plain Java, FX thread.
 */
public final class CopTrails {

    public static final long WINDOW_NANOS = 2_000_000_000L;
    private static final int MAX_POINTS = 400;

    /** One point in mat mm. */
    private record Point(long atNanos, double xMm, double yMm) {
    }

    private final Map<Integer, List<Point>> trails = new LinkedHashMap<>();

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
