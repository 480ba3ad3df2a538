package io.tactus.signal.body;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the body sits on the mat: the spine midline as a curve {@code x = c0 + c1*y + c2*y^2} in mat mm (x from
 * the mat's left edge = receiver's left, y from the head-end edge) and the shoulder line's y. A body point is
 * {@code (xMat - midline(yMat), yMat - shoulderY)}.
 *
 * @param midline    polynomial coefficients c0, c1, c2 (length 1..3)
 * @param shoulderYmm mat y of the shoulder line
 * @param source     "default", "manual" or "traced" (how it was obtained)
 * @param fitRmsMm   rms distance of the traced points from the fitted midline (0 unless traced)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Registration(@JsonProperty("midline") double[] midline,
                           @JsonProperty("shoulder_y_mm") double shoulderYmm,
                           @JsonProperty("source") String source,
                           @JsonProperty("fit_rms_mm") double fitRmsMm) {

    public Registration {
        if (midline == null || midline.length < 1 || midline.length > 3) {
            throw new IllegalArgumentException("midline needs 1 to 3 coefficients");
        }
        for (double c : midline) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("midline coefficients must be finite");
            }
        }
        if (!Double.isFinite(shoulderYmm)) {
            throw new IllegalArgumentException("shoulder line must be finite");
        }
        midline = midline.clone();
        source = source == null ? "manual" : source;
    }

    /** The assumption of the issue: mat centred on the spine, row 0 at the shoulder line. */
    public static Registration centred(double matWidthMm) {
        return new Registration(new double[] {matWidthMm / 2}, 0, "default", 0);
    }

    /**
     * Set by hand: the midline crosses the shoulder line at {@code midlineXmm} and leans {@code angleDeg}
     * (positive = toward the receiver's right going down the back).
     */
    public static Registration manual(double midlineXmm, double angleDeg, double shoulderYmm) {
        double slope = Math.tan(Math.toRadians(angleDeg));
        return new Registration(new double[] {midlineXmm - slope * shoulderYmm, slope}, shoulderYmm, "manual", 0);
    }

    public double midlineX(double yMat) {
        double v = 0;
        for (int i = midline.length - 1; i >= 0; i--) {
            v = v * yMat + midline[i];
        }
        return v;
    }

    public double bodyX(double xMat, double yMat) {
        return xMat - midlineX(yMat);
    }

    public double bodyY(double yMat) {
        return yMat - shoulderYmm;
    }

    /** Mat x of a body point (inverse of {@link #bodyX}). */
    public double matX(double bodyX, double bodyY) {
        return bodyX + midlineX(bodyY + shoulderYmm);
    }

    public double matY(double bodyY) {
        return bodyY + shoulderYmm;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registration r && java.util.Arrays.equals(r.midline, midline)
                && r.shoulderYmm == shoulderYmm && r.source.equals(source) && r.fitRmsMm == fitRmsMm;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(midline) * 31 + Double.hashCode(shoulderYmm);
    }
}
