package io.tactus.signal.calibration;

/**
 * Fritsch-Carlson tangents for a monotone piecewise cubic Hermite curve through increasing knots. Commons Math
 * 3's spline interpolators do not preserve monotonicity, and a calibration curve that dips would map more load to
 * less pressure.
 */
final class MonotoneSpline {

    private MonotoneSpline() {
    }

    /** Tangent at knot k of points [[x, y]], x strictly increasing, y non-decreasing. */
    static double tangent(double[][] p, int k) {
        int n = p.length;
        if (n < 2) {
            return 0;
        }
        if (k == 0) {
            return secant(p, 0);
        }
        if (k == n - 1) {
            return secant(p, n - 2);
        }
        double s0 = secant(p, k - 1);
        double s1 = secant(p, k);
        if (s0 <= 0 || s1 <= 0) {
            return 0;
        }
        // weighted harmonic mean (Fritsch-Butland form), guarantees monotone segments
        double h0 = p[k][0] - p[k - 1][0];
        double h1 = p[k + 1][0] - p[k][0];
        double w0 = 2 * h1 + h0;
        double w1 = h1 + 2 * h0;
        return (w0 + w1) / (w0 / s0 + w1 / s1);
    }

    private static double secant(double[][] p, int k) {
        return (p[k + 1][1] - p[k][1]) / (p[k + 1][0] - p[k][0]);
    }
}
