package io.tactus.signal.body;

import io.tactus.signal.state.Checkpointable;import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;

/**
 * "Trace the spine": collects the centre-of-pressure track while the user runs a finger from the sacrum up the
 * spine, then fits the midline {@code x(y)} (a line or a quadratic) by least squares with Commons Math, with one
 * robust pass that drops points more than max(10 mm, 3 x median residual) from the first fit.
 */
public final class SpineTracer implements Checkpointable<SpineTracer.State> {

    /** The trace so far (the collected points only). */
    public record State(boolean active, double[] xs, double[] ys) {
    }

    static final int CAPACITY = 60_000;
    static final int MIN_POINTS = 10;
    static final double MIN_SPAN_MM = 100;

    private static double poly(double[] c, double y) {
        double v = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            v = v * y + c[i];
        }
        return v;
    }

    // allocated per trace and dropped after it: most sessions never trace
    private double[] xs;
    private double[] ys;
    private int n;
    private boolean active;

    public void start() {
        xs = new double[CAPACITY];
        ys = new double[CAPACITY];
        n = 0;
        active = true;
    }

    public boolean active() {
        return active;
    }

    int points() {
        return n;
    }

    public void cancel() {
        active = false;
        n = 0;
        xs = null;
        ys = null;
    }

    /**
     * Adds the centre of the cells at or above half the frame's peak: the finger, not a stray noisy cell
     * elsewhere on the mat (those would pull a light finger's whole-mat centre of pressure sideways). A lone
     * cell is a noise spike and is skipped.
     */
    public void addFocusedCentre(float[] kpa, double[] colX, double[] rowY, double peakKpa) {
        float half = (float) (peakKpa / 2);
        int cells = 0;
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int r = 0, i = 0; r < rowY.length; r++) {
            for (int c = 0; c < colX.length; c++, i++) {
                float v = kpa[i];
                if (v >= half) {
                    cells++;
                    w += v;
                    sx += v * colX[c];
                    sy += v * rowY[r];
                }
            }
        }
        if (cells >= 2) {
            add(sx / w, sy / w);
        }
    }

    public void add(double x, double y) {
        if (active && n < CAPACITY && !Double.isNaN(x)) {
            xs[n] = x;
            ys[n] = y;
            n++;
        }
    }

    /**
     * @param degree 1 (straight midline, possibly tilted) or 2 (a gently curved spine)
     * @throws IllegalStateException with a user-readable reason when the track cannot define a midline
     */
    public Registration finish(int degree, double shoulderYmm) {
        try {
            return fit(degree, shoulderYmm);
        } finally {
            active = false;
            n = 0;
            xs = null;
            ys = null;
        }
    }

    private Registration fit(int degree, double shoulderYmm) {
        if (degree < 1 || degree > 2) {
            throw new IllegalArgumentException("midline degree must be 1 or 2, got " + degree);
        }
        if (n < MIN_POINTS) {
            throw new IllegalStateException("trace too short: " + n + " frames with contact (need " + MIN_POINTS
                    + "); run a finger from the sacrum up along the spine");
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        WeightedObservedPoints obs = new WeightedObservedPoints();
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, ys[i]);
            hi = Math.max(hi, ys[i]);
            obs.add(ys[i], xs[i]);
        }
        if (hi - lo < MIN_SPAN_MM) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "trace covers only %.0f mm of the back (need %.0f mm); run the finger further along the spine",
                    hi - lo, MIN_SPAN_MM));
        }
        double[] c = PolynomialCurveFitter.create(degree).fit(obs.toList());
        // one robust pass: drop points far from the first fit (a slip of the finger, a stray reading), refit
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = Math.abs(xs[i] - poly(c, ys[i]));
        }
        double[] sorted = res.clone();
        java.util.Arrays.sort(sorted);
        double cut = Math.max(10, 3 * sorted[n / 2]);
        WeightedObservedPoints kept = new WeightedObservedPoints();
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (res[i] <= cut) {
                kept.add(ys[i], xs[i]);
                k++;
            }
        }
        if (k >= MIN_POINTS && k < n) {
            c = PolynomialCurveFitter.create(degree).fit(kept.toList());
        }
        double se = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (res[i] <= cut) {
                double d = xs[i] - poly(c, ys[i]);
                se += d * d;
                m++;
            }
        }
        n = 0;
        return new Registration(c, shoulderYmm, "traced", Math.sqrt(se / Math.max(1, m)));
    }

    @Override
    public State checkpoint() {
        return new State(active, xs == null ? null : java.util.Arrays.copyOf(xs, n),
                ys == null ? null : java.util.Arrays.copyOf(ys, n));
    }

    @Override
    public void restore(State s) {
        active = s.active();
        n = s.xs() == null ? 0 : s.xs().length;
        xs = s.xs() == null ? null : java.util.Arrays.copyOf(s.xs(), CAPACITY);
        ys = s.ys() == null ? null : java.util.Arrays.copyOf(s.ys(), CAPACITY);
    }
}
