package io.tactus.signal.calibration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tactus.protocol.DeviceDescriptor;
import java.util.Arrays;

/**
 * A counts -> kPa curve. Every model is expressed over {@code d}, the counts above the zero-load reading
 * ({@code d = counts - offsetCounts} untared, {@code d = counts - baseline[cell]} after a tare), so a tare
 * replaces the factory offset instead of subtracting it twice.
 *
 * <ul>
 *   <li>{@code linear}: kPa = c0 * d</li>
 *   <li>{@code power}: kPa = c0 * d^c1</li>
 *   <li>{@code polynomial}: kPa = sum c_i d^i, extended linearly beyond the fitted range</li>
 *   <li>{@code table} / {@code spline}: points [[d, kPa], ...] joined piecewise linearly / by a monotone cubic
 *   (Fritsch-Carlson), extended linearly beyond the last point</li>
 * </ul>
 *
 * @param model        one of linear, power, polynomial, table, spline
 * @param offsetCounts counts at zero load (used only when no tare baseline exists)
 * @param coefficients model coefficients (see above); empty for table / spline
 * @param points       knots [d, kPa] for table / spline, sorted by d; empty otherwise
 * @param maxFitCounts largest d the curve was fitted or tabulated on (0 = unbounded)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalibrationCurve(@JsonProperty("model") String model,
                               @JsonProperty("offset_counts") double offsetCounts,
                               @JsonProperty("coefficients") double[] coefficients,
                               @JsonProperty("points") double[][] points,
                               @JsonProperty("max_fit_counts") double maxFitCounts) {

    public static final String LINEAR = "linear";
    public static final String POWER = "power";
    public static final String POLYNOMIAL = "polynomial";
    public static final String TABLE = "table";
    public static final String SPLINE = "spline";

    public CalibrationCurve {
        coefficients = coefficients == null ? new double[0] : coefficients.clone();
        points = points == null ? new double[0][] : deepCopy(points);
        if (model == null) {
            throw new IllegalArgumentException("calibration model missing");
        }
        switch (model) {
            case LINEAR -> require(coefficients.length == 1, "linear needs 1 coefficient");
            case POWER -> require(coefficients.length == 2 && coefficients[0] > 0 && coefficients[1] > 0,
                    "power needs a > 0 and b > 0");
            case POLYNOMIAL -> require(coefficients.length >= 2, "polynomial needs >= 2 coefficients");
            case TABLE, SPLINE -> {
                require(points.length >= 2, model + " needs >= 2 points");
                for (int i = 0; i < points.length; i++) {
                    require(points[i].length == 2, model + " points must be [counts, kPa]");
                    require(i == 0 || (points[i][0] > points[i - 1][0] && points[i][1] >= points[i - 1][1]),
                            model + " points must increase in counts and not decrease in kPa");
                }
            }
            default -> throw new IllegalArgumentException("unknown calibration model '" + model + "'");
        }
    }

    public static CalibrationCurve linear(double kpaPerCount, double offsetCounts) {
        return new CalibrationCurve(LINEAR, offsetCounts, new double[] {kpaPerCount}, null, 0);
    }

    public static CalibrationCurve power(double a, double b, double offsetCounts) {
        return new CalibrationCurve(POWER, offsetCounts, new double[] {a, b}, null, 0);
    }

    /**
     * The descriptor's factory calibration. Without one, 1 kPa per count: readings are then relative and the
     * calibration state says "uncalibrated".
     */
    public static CalibrationCurve fromDescriptor(DeviceDescriptor.CalibrationSpec spec) {
        if (spec == null || spec.model() == null) {
            return linear(1.0, 0);
        }
        double off = spec.offsetCounts() == null ? 0 : spec.offsetCounts();
        return switch (spec.model()) {
            case LINEAR -> linear(spec.kpaPerCount() == null ? 1.0 : spec.kpaPerCount(), off);
            case POWER -> power(nz(spec.a()), nz(spec.b()), off);
            case TABLE -> fromTable(spec.points());
            default -> throw new IllegalArgumentException("unknown factory calibration model '" + spec.model() + "'");
        };
    }

    /** A factory table [[count, kPa]]: the zero-load count is where the table reaches 0 kPa. */
    private static CalibrationCurve fromTable(double[][] pts) {
        if (pts == null || pts.length < 2) {
            throw new IllegalArgumentException("table calibration needs >= 2 points");
        }
        double[][] sorted = deepCopy(pts);
        Arrays.sort(sorted, (p, q) -> Double.compare(p[0], q[0]));
        double off = 0;
        for (double[] p : sorted) {
            if (p[1] <= 0) {
                off = p[0];
            }
        }
        java.util.List<double[]> rel = new java.util.ArrayList<>();
        rel.add(new double[] {0, 0});
        for (double[] p : sorted) {
            if (p[0] > off) {
                rel.add(new double[] {p[0] - off, p[1]});
            }
        }
        return new CalibrationCurve(TABLE, off, null, rel.toArray(new double[0][]), sorted[sorted.length - 1][0] - off);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    /** kPa for {@code d} counts above zero load. Not for the hot path: see {@link CountsLut}. */
    public double kpa(double d) {
        if (!(d > 0)) {
            return 0;
        }
        return switch (model) {
            case LINEAR -> Math.max(0, coefficients[0] * d);
            case POWER -> coefficients[0] * Math.pow(d, coefficients[1]);
            case POLYNOMIAL -> polynomial(d);
            case TABLE -> piecewise(d, false);
            case SPLINE -> piecewise(d, true);
            default -> 0;
        };
    }

    private double polynomial(double d) {
        double top = maxFitCounts > 0 ? maxFitCounts : Double.MAX_VALUE;
        if (d <= top) {
            return Math.max(0, horner(d));
        }
        // beyond the fitted range a polynomial can turn over: continue along its tangent instead
        double slope = 0;
        for (int i = coefficients.length - 1; i >= 1; i--) {
            slope = slope * top + i * coefficients[i];
        }
        return Math.max(0, horner(top) + Math.max(0, slope) * (d - top));
    }

    private double horner(double d) {
        double v = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            v = v * d + coefficients[i];
        }
        return v;
    }

    private double piecewise(double d, boolean cubic) {
        double[][] p = points;
        int n = p.length;
        if (d <= p[0][0]) {
            return p[0][0] <= 0 ? p[0][1] : p[0][1] * d / p[0][0];
        }
        if (d >= p[n - 1][0]) {
            double slope = (p[n - 1][1] - p[n - 2][1]) / (p[n - 1][0] - p[n - 2][0]);
            return p[n - 1][1] + slope * (d - p[n - 1][0]);
        }
        int k = 0;
        while (p[k + 1][0] < d) {
            k++;
        }
        double x0 = p[k][0];
        double x1 = p[k + 1][0];
        double y0 = p[k][1];
        double y1 = p[k + 1][1];
        double h = x1 - x0;
        double t = (d - x0) / h;
        if (!cubic) {
            return y0 + t * (y1 - y0);
        }
        double m0 = MonotoneSpline.tangent(p, k);
        double m1 = MonotoneSpline.tangent(p, k + 1);
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * y1
                + (t3 - t2) * h * m1;
    }

    /** Short human description, e.g. {@code power: 0.52 * d^0.87}. */
    public String describe() {
        return switch (model) {
            case LINEAR -> String.format(java.util.Locale.ROOT, "linear: %.5g kPa/count", coefficients[0]);
            case POWER -> String.format(java.util.Locale.ROOT, "power: %.5g * d^%.4g", coefficients[0], coefficients[1]);
            case POLYNOMIAL -> "polynomial of degree " + (coefficients.length - 1);
            default -> model + " of " + points.length + " points";
        };
    }

    private static void require(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalArgumentException(msg);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? new double[0] : a[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibrationCurve c && c.model.equals(model) && c.offsetCounts == offsetCounts
                && Arrays.equals(c.coefficients, coefficients) && Arrays.deepEquals(c.points, points)
                && c.maxFitCounts == maxFitCounts;
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Arrays.hashCode(coefficients) * 17 + Arrays.deepHashCode(points);
    }

    @Override
    public String toString() {
        return describe();
    }
}
