package io.tactus.signal.calibration;

import io.tactus.signal.state.Checkpointable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Collects a no-touch baseline over a span of device time (per-cell sum, sum of squares, min, max; no allocation
 * per frame) and judges it: baseline, noise, dead / stuck / saturated / noisy cells, warnings.
 */
public final class TareCapture implements Checkpointable<TareCapture.State> {

    /** The sums so far of a capture in progress. */
    public record State(double[] sum, double[] sumSq, int[] min, int[] max, int frames, long startUs,
                        long durationUs, boolean active) {
    }

    private final int n;
    private final int cols;
    private final boolean glove;
    private final int adcMax;
    private final double[] sum;
    private final double[] sumSq;
    private final int[] min;
    private final int[] max;
    private int frames;
    private long startUs = -1;
    private long durationUs;
    private boolean active;

    public TareCapture(int n, int cols, boolean glove, int adcMax) {
        this.n = n;
        this.cols = cols;
        this.glove = glove;
        this.adcMax = adcMax;
        sum = new double[n];
        sumSq = new double[n];
        min = new int[n];
        max = new int[n];
    }

    public void start(long durUs) {
        Arrays.fill(sum, 0);
        Arrays.fill(sumSq, 0);
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        frames = 0;
        startUs = -1;
        durationUs = durUs;
        active = true;
    }

    public void cancel() {
        active = false;
    }

    public boolean active() {
        return active;
    }

    public double progress(long nowUs, double periodUs) {
        return startUs < 0 ? 0 : Math.min(1, (nowUs - startUs + periodUs) / (double) durationUs);
    }

    /** @return true when this frame completed the span (then call {@link #evaluate}) */
    public boolean add(long t, int[] counts, double periodUs) {
        if (startUs < 0) {
            startUs = t;
        }
        for (int i = 0; i < n; i++) {
            int c = counts[i];
            sum[i] += c;
            sumSq[i] += (double) c * c;
            if (c < min[i]) {
                min[i] = c;
            }
            if (c > max[i]) {
                max[i] = c;
            }
        }
        frames++;
        if (t - startUs + periodUs >= durationUs) {
            active = false;
            return true;
        }
        return false;
    }

    /**
     * @param lut          the calibration in use (for kPa-based judgements)
     * @param offsetCounts factory zero-load counts (baseline of a zero-suppressed stream)
     * @param touchKpa     a cell this far above the mat's median means the mat was touched
     */
    public TareResult evaluate(CountsLut lut, double offsetCounts, double touchKpa, double minFloorKpa, double sigmas) {
        int m = frames;
        float[] mean = new float[n];
        float[] sigma = new float[n];
        for (int i = 0; i < n; i++) {
            double mu = sum[i] / m;
            mean[i] = (float) mu;
            sigma[i] = (float) Math.sqrt(Math.max(0, sumSq[i] / m - mu * mu));
        }
        float medMean = median(mean);
        float medSigma = median(sigma);
        // sparse firmware reports unloaded cells as 0: no baseline to measure, no way to tell a dead cell
        boolean zeroSuppressed = medMean < 1.0f;
        List<DeadCell> deadCells = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        float[] baseline = new float[n];
        int touched = 0;
        for (int i = 0; i < n; i++) {
            String why = null;
            if (!zeroSuppressed && max[i] == 0) {
                why = "reads 0";
            } else if (mean[i] >= 0.98f * adcMax) {
                why = "saturated";
            } else if (!zeroSuppressed && m >= 5 && sigma[i] == 0 && medSigma > 0.3f) {
                why = "stuck at " + min[i];
            } else if (m >= 5 && medSigma > 0 && sigma[i] > 8 * medSigma && sigma[i] > 5) {
                why = String.format(Locale.ROOT, "noisy (sigma %.1f counts)", sigma[i]);
            }
            if (why != null) {
                deadCells.add(glove ? new DeadCell(i, 0, i, why) : new DeadCell(i, i / cols, i % cols, why));
            }
            baseline[i] = zeroSuppressed ? (float) offsetCounts : mean[i];
            if (why == null && lut.kpa(mean[i] - medMean) > touchKpa) {
                touched++;
            }
        }
        if (touched > 0) {
            warnings.add(touched + " cell(s) read more than " + touchKpa + " kPa above the rest: was the mat touched"
                    + " during the tare? Repeat it with nothing on the mat");
        }
        if (deadCells.size() > n / 4) {
            warnings.add(deadCells.size() + " of " + n + " cells look dead: check the mat's connection");
        }
        float[] floors = new float[n];
        for (int i = 0; i < n; i++) {
            floors[i] = Math.max((float) minFloorKpa, lut.kpa((float) (sigmas * sigma[i])));
        }
        return new TareResult(m, baseline, sigma, median(floors), deadCells, zeroSuppressed, warnings);
    }

    private static float median(float[] v) {
        float[] c = v.clone();
        Arrays.sort(c);
        return c.length == 0 ? 0 : c[c.length / 2];
    }

    @Override
    public State checkpoint() {
        return new State(sum.clone(), sumSq.clone(), min.clone(), max.clone(), frames, startUs, durationUs, active);
    }

    @Override
    public void restore(State s) {
        System.arraycopy(s.sum(), 0, sum, 0, n);
        System.arraycopy(s.sumSq(), 0, sumSq, 0, n);
        System.arraycopy(s.min(), 0, min, 0, n);
        System.arraycopy(s.max(), 0, max, 0, n);
        frames = s.frames();
        startUs = s.startUs();
        durationUs = s.durationUs();
        active = s.active();
    }
}
