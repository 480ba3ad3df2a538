package io.tactus.signal.calibration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits a {@link CalibrationCurve} to known loads with Commons Math: least squares through the origin for linear
 * and polynomial, Levenberg-Marquardt (seeded by a log-log regression) for the power law, and a monotone cubic
 * through the points for the spline. Reports the fit error.
 */
public final class CalibrationFitter {

    /** Which model to fit. */
    public enum Model { LINEAR, POWER, POLYNOMIAL, SPLINE }

    private CalibrationFitter() {
    }

    /**
     * @param degree polynomial degree (ignored by other models; 3 = the published 10-point cubic)
     * @throws IllegalArgumentException with a one-line reason if the points cannot support the model
     */
    public static UserCalibration fit(String serial, Collection<LoadPoint> loads, Model model, int degree) {
        List<LoadPoint> pts = normalise(loads);
        int needed = switch (model) {
            case LINEAR -> 1;
            case POWER -> 2;
            case POLYNOMIAL -> Math.max(1, degree) + 1;
            case SPLINE -> 2;
        };
        if (pts.size() < needed) {
            throw new IllegalArgumentException(model.name().toLowerCase() + " calibration needs at least " + needed
                    + " distinct loads above zero, got " + pts.size());
        }
        CalibrationCurve curve = curve(pts, model, degree);
        double[] err = model == Model.SPLINE && pts.size() >= 3 ? leaveOneOut(pts, model, degree) : residuals(curve, pts);
        return new UserCalibration(serial, curve, err[0], err[1], pts);
    }

    private static CalibrationCurve curve(List<LoadPoint> pts, Model model, int degree) {
        double maxD = pts.get(pts.size() - 1).counts();
        return switch (model) {
            case LINEAR -> {
                double sxy = 0;
                double sxx = 0;
                for (LoadPoint p : pts) {
                    sxy += p.counts() * p.kpa();
                    sxx += p.counts() * p.counts();
                }
                yield new CalibrationCurve(CalibrationCurve.LINEAR, 0, new double[] {sxy / sxx}, null, maxD);
            }
            case POWER -> power(pts, maxD);
            case POLYNOMIAL -> polynomial(pts, Math.max(1, degree), maxD);
            case SPLINE -> {
                List<double[]> knots = new ArrayList<>();
                knots.add(new double[] {0, 0});
                double lastY = 0;
                for (LoadPoint p : pts) {
                    lastY = Math.max(lastY, p.kpa()); // a noisy lower reading is clipped to keep the curve monotone
                    knots.add(new double[] {p.counts(), lastY});
                }
                yield new CalibrationCurve(CalibrationCurve.SPLINE, 0, null, knots.toArray(new double[0][]), maxD);
            }
        };
    }

    private static CalibrationCurve power(List<LoadPoint> pts, double maxD) {
        SimpleRegression logLog = new SimpleRegression();
        for (LoadPoint p : pts) {
            if (p.kpa() > 0) {
                logLog.addData(Math.log(p.counts()), Math.log(p.kpa()));
            }
        }
        double b0 = logLog.getN() >= 2 && logLog.getSlope() > 0 ? logLog.getSlope() : 1.0;
        double a0 = logLog.getN() >= 2 ? Math.exp(logLog.getIntercept()) : pts.get(0).kpa() / pts.get(0).counts();
        ParametricUnivariateFunction f = new ParametricUnivariateFunction() {
            @Override
            public double value(double x, double... p) {
                return p[0] * Math.pow(x, p[1]);
            }

            @Override
            public double[] gradient(double x, double... p) {
                double xb = Math.pow(x, p[1]);
                return new double[] {xb, p[0] * xb * Math.log(x)};
            }
        };
        List<WeightedObservedPoint> obs = new ArrayList<>();
        for (LoadPoint p : pts) {
            obs.add(new WeightedObservedPoint(1.0, p.counts(), p.kpa()));
        }
        double a = a0;
        double b = b0;
        try {
            double[] fitted = SimpleCurveFitter.create(f, new double[] {a0, b0}).withMaxIterations(1000).fit(obs);
            if (fitted[0] > 0 && fitted[1] > 0 && Double.isFinite(fitted[0]) && Double.isFinite(fitted[1])) {
                a = fitted[0];
                b = fitted[1];
            }
        } catch (MathIllegalStateException e) {
            // keep the log-log estimate: it is a least-squares fit too, in log space
        }
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("power law does not fit these loads (pressure must rise with counts)");
        }
        return new CalibrationCurve(CalibrationCurve.POWER, 0, new double[] {a, b}, null, maxD);
    }

    private static CalibrationCurve polynomial(List<LoadPoint> pts, int degree, double maxD) {
        // least squares through the origin (no constant term: zero load reads zero), on d scaled to [0, 1] for
        // conditioning, solved by QR
        Array2DRowRealMatrix x = new Array2DRowRealMatrix(pts.size(), degree);
        RealVector y = new ArrayRealVector(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            double u = pts.get(i).counts() / maxD;
            double pow = u;
            for (int j = 0; j < degree; j++) {
                x.setEntry(i, j, pow);
                pow *= u;
            }
            y.setEntry(i, pts.get(i).kpa());
        }
        RealVector c;
        try {
            c = new QRDecomposition(x).getSolver().solve(y);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("polynomial of degree " + degree + " is undetermined by these loads");
        }
        double[] coeff = new double[degree + 1];
        double scale = 1;
        for (int j = 0; j < degree; j++) {
            scale *= maxD;
            coeff[j + 1] = c.getEntry(j) / scale;
        }
        return new CalibrationCurve(CalibrationCurve.POLYNOMIAL, 0, coeff, null, maxD);
    }

    /** [rms kPa, rms % of applied] of the curve on the points. */
    static double[] residuals(CalibrationCurve curve, List<LoadPoint> pts) {
        double se = 0;
        double sr = 0;
        int nr = 0;
        for (LoadPoint p : pts) {
            double r = curve.kpa(p.counts()) - p.kpa();
            se += r * r;
            if (p.kpa() > 0) {
                sr += (r / p.kpa()) * (r / p.kpa());
                nr++;
            }
        }
        return new double[] {Math.sqrt(se / pts.size()), nr == 0 ? 0 : 100 * Math.sqrt(sr / nr)};
    }

    /** An interpolating curve has zero residual by construction: report how well it predicts a left-out load. */
    private static double[] leaveOneOut(List<LoadPoint> pts, Model model, int degree) {
        double se = 0;
        double sr = 0;
        int n = 0;
        for (int k = 0; k < pts.size(); k++) {
            List<LoadPoint> rest = new ArrayList<>(pts);
            LoadPoint out = rest.remove(k);
            CalibrationCurve c = curve(rest, model, degree);
            double r = c.kpa(out.counts()) - out.kpa();
            se += r * r;
            sr += out.kpa() > 0 ? (r / out.kpa()) * (r / out.kpa()) : 0;
            n++;
        }
        return new double[] {Math.sqrt(se / n), 100 * Math.sqrt(sr / n)};
    }

    /** Sorted by counts, zero-count points dropped, repeated counts averaged. */
    private static List<LoadPoint> normalise(Collection<LoadPoint> loads) {
        TreeMap<Double, double[]> byCounts = new TreeMap<>();
        for (LoadPoint p : loads) {
            if (p.counts() > 0) {
                double[] acc = byCounts.computeIfAbsent(p.counts(), k -> new double[2]);
                acc[0] += p.kpa();
                acc[1]++;
            }
        }
        List<LoadPoint> out = new ArrayList<>();
        byCounts.forEach((c, acc) -> out.add(new LoadPoint(c, acc[0] / acc[1])));
        return out;
    }
}
