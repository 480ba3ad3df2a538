package io.tactus.session;

import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.RegionValue;
import java.util.Arrays;

/**
 * Per-region pressure over time, downsampled into equal time buckets for a chart: for each bucket the mean of
 * the region's mean pressure and the maximum of its peak pressure. Memory is bounded: when the number of buckets
 * would exceed {@link #MAX_POINTS}, neighbouring buckets are merged and the bucket width doubles.
 */
public final class RegionSeries {

    public static final int MAX_POINTS = 4000;
    private static final int R = BodyRegion.values().length;

    private double bucketS;
    private double originUs = Double.NaN;
    private int n;
    private double[] sumMean = new double[R * 64];
    private float[] maxPeak = new float[R * 64];
    private int[] count = new int[64];

    /** @param initialBucketS first bucket width (it doubles as needed to stay under MAX_POINTS) */
    public RegionSeries(double initialBucketS) {
        this.bucketS = initialBucketS;
    }

    void add(FrameSnapshot s) {
        if (Double.isNaN(originUs)) {
            originUs = s.deviceTimeUs();
        }
        int b = (int) ((s.deviceTimeUs() - originUs) / 1e6 / bucketS);
        while (b >= MAX_POINTS) {
            halve();
            b = (int) ((s.deviceTimeUs() - originUs) / 1e6 / bucketS);
        }
        if (b < 0) {
            b = 0;
        }
        ensure(b + 1);
        n = Math.max(n, b + 1);
        count[b]++;
        RegionValue[] rv = s.regions();
        for (int r = 0; r < R && r < rv.length; r++) {
            if (rv[r] == null) {
                continue;
            }
            sumMean[b * R + r] += rv[r].meanKpa();
            maxPeak[b * R + r] = (float) Math.max(maxPeak[b * R + r], rv[r].peakKpa());
        }
    }

    /** An independent copy of the series so far (the replay engine publishes these while its scan runs). */
    RegionSeries copy() {
        RegionSeries c = new RegionSeries(bucketS);
        c.originUs = originUs;
        c.n = n;
        c.sumMean = Arrays.copyOf(sumMean, Math.max(1, n) * R);
        c.maxPeak = Arrays.copyOf(maxPeak, Math.max(1, n) * R);
        c.count = Arrays.copyOf(count, Math.max(1, n));
        return c;
    }

    private void ensure(int buckets) {
        if (buckets > count.length) {
            int cap = Math.max(buckets, count.length * 2);
            count = Arrays.copyOf(count, cap);
            sumMean = Arrays.copyOf(sumMean, cap * R);
            maxPeak = Arrays.copyOf(maxPeak, cap * R);
        }
    }

    private void halve() {
        int m = (n + 1) / 2;
        for (int i = 0; i < m; i++) {
            int a = 2 * i;
            int b = 2 * i + 1;
            int c = count[a] + (b < n ? count[b] : 0);
            for (int r = 0; r < R; r++) {
                double s = sumMean[a * R + r] + (b < n ? sumMean[b * R + r] : 0);
                float p = Math.max(maxPeak[a * R + r], b < n ? maxPeak[b * R + r] : 0);
                sumMean[i * R + r] = s;
                maxPeak[i * R + r] = p;
            }
            count[i] = c;
        }
        Arrays.fill(count, m, n, 0);
        Arrays.fill(sumMean, m * R, n * R, 0);
        Arrays.fill(maxPeak, m * R, n * R, 0);
        n = m;
        bucketS *= 2;
    }

    /** Device time of the first frame (bucket 0 starts there); 0 before any frame. */
    public long startUs() {
        return Double.isNaN(originUs) ? 0 : (long) originUs;
    }

    /** Bucket width in seconds. */
    public double bucketSeconds() {
        return bucketS;
    }

    public int size() {
        return n;
    }

    /** Start of bucket i in seconds from the first frame. */
    public double timeS(int i) {
        return i * bucketS;
    }

    /** Mean of the region's mean pressure over bucket i (kPa); 0 for an empty bucket. */
    public double meanKpa(BodyRegion r, int i) {
        return count[i] == 0 ? 0 : sumMean[i * R + r.ordinal()] / count[i];
    }

    /** Highest pressure in the region during bucket i (kPa). */
    public double peakKpa(BodyRegion r, int i) {
        return maxPeak[i * R + r.ordinal()];
    }

    /** Frames in bucket i (0: a gap in the data). */
    public int frames(int i) {
        return count[i];
    }
}
