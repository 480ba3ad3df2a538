package io.tactus.app.replay;

import io.tactus.signal.body.BodyRegion;

/**
 * Pressure over time for every region, decimated for drawing (at most a few thousand points per region, each
 * the peak of its bucket so short spikes survive decimation).
 *
 * @param timesUs bucket start times, ascending
 * @param peakKpa per region ordinal, one value per bucket
 */
public record RegionSeries(long[] timesUs, float[][] peakKpa) {

    public static final RegionSeries EMPTY = new RegionSeries(new long[0], new float[BodyRegion.values().length][0]);

    public int size() {
        return timesUs.length;
    }

    public float[] of(BodyRegion r) {
        return peakKpa[r.ordinal()];
    }

    /** Accumulates frames into buckets of {@code bucketUs}; feed in time order. */
    public static final class Builder {
        private final long bucketUs;
        private final java.util.List<long[]> times = new java.util.ArrayList<>();
        private long[] timeBlock = new long[1024];
        private final float[][] values = new float[BodyRegion.values().length][];
        private int n;
        private long currentBucket = Long.MIN_VALUE;

        public Builder(long bucketUs) {
            this.bucketUs = Math.max(1, bucketUs);
            for (int i = 0; i < values.length; i++) {
                values[i] = new float[1024];
            }
        }

        public void add(long timeUs, double[] regionPeaks) {
            long b = Math.floorDiv(timeUs, bucketUs);
            if (b != currentBucket) {
                currentBucket = b;
                if (n == timeBlock.length) {
                    timeBlock = java.util.Arrays.copyOf(timeBlock, n * 2);
                    for (int i = 0; i < values.length; i++) {
                        values[i] = java.util.Arrays.copyOf(values[i], n * 2);
                    }
                }
                timeBlock[n] = timeUs;
                n++;
            }
            for (int i = 0; i < values.length; i++) {
                values[i][n - 1] = Math.max(values[i][n - 1], (float) regionPeaks[i]);
            }
        }

        public RegionSeries build() {
            float[][] v = new float[values.length][];
            for (int i = 0; i < values.length; i++) {
                v[i] = java.util.Arrays.copyOf(values[i], n);
            }
            return new RegionSeries(java.util.Arrays.copyOf(timeBlock, n), v);
        }
    }
}
