package io.tactus.report;

import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.FrameSnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a report needs from the frames of one analysis pass (it rides along as the analyzer's per-frame consumer,
 * so a report costs one pass): the highest pressure each cell saw, and the heatmap of the frame on which each flag
 * was first shown (its confirmation frame), for the flag thumbnails. Memory: one grid plus one grid per flag, at
 * most {@link #MAX_THUMBNAILS}.
 */
public final class FrameCapture implements Consumer<FrameSnapshot> {

    public static final int MAX_THUMBNAILS = 200;

    /** A frame kept for a flag. */
    public record Thumbnail(long deviceTimeUs, int rows, int cols, float[] kpa) {
    }

    private int rows;
    private int cols;
    private float[] peak;
    private final Map<String, Thumbnail> thumbnails = new HashMap<>();

    @Override
    public void accept(FrameSnapshot s) {
        float[] kpa = s.kpa();
        if (peak == null || rows != s.rows() || cols != s.cols()) {
            rows = s.rows();
            cols = s.cols();
            peak = new float[kpa.length]; // a device change restarts the map (the grid changed)
        }
        for (int i = 0; i < kpa.length && i < peak.length; i++) {
            if (kpa[i] > peak[i]) {
                peak[i] = kpa[i];
            }
        }
        for (FlagEvent e : s.activeFlags()) {
            if (thumbnails.size() < MAX_THUMBNAILS) {
                thumbnails.computeIfAbsent(key(e), k -> new Thumbnail(s.deviceTimeUs(), s.rows(), s.cols(), kpa.clone()));
            }
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Per-cell peak pressure (kPa), row-major; null before any frame. */
    public float[] peakKpa() {
        return peak == null ? null : peak.clone();
    }

    /** The frame on which the flag was first shown, or null (markers, or past {@link #MAX_THUMBNAILS}). */
    public Thumbnail thumbnail(FlagEvent e) {
        return thumbnails.get(key(e));
    }

    private static String key(FlagEvent e) {
        return e.type().id() + "@" + (e.region() == null ? "-" : e.region().id()) + "@" + e.startUs();
    }
}
