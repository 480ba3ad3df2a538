package io.tactus.device.sim;

/**
 * One placed dome of pressure on the back at one instant, in body mm: centre, semi-axes, rotation (clockwise
 * as seen from above) and peak. Pressure is {@code peak * (1 - rho^2)} inside the ellipse and exactly 0 outside,
 * so "where a hand presses" is known to the millimetre.
 *
 * @param stroke index of the stroke in its script (for the ground truth's notes)
 */
public record Contact(double x, double y, double rx, double ry, double angleRad, double peakKpa, int stroke) {

    public double pressureAt(double px, double py) {
        double dx = px - x;
        double dy = py - y;
        double c = Math.cos(angleRad);
        double s = Math.sin(angleRad);
        double u = (c * dx + s * dy) / rx;
        double v = (-s * dx + c * dy) / ry;
        double rho2 = u * u + v * v;
        return rho2 < 1 ? peakKpa * (1 - rho2) : 0;
    }

    /** Half the ellipse's extent along x (across the back). */
    public double halfWidthX() {
        double c = Math.cos(angleRad);
        double s = Math.sin(angleRad);
        return Math.sqrt(rx * rx * c * c + ry * ry * s * s);
    }

    /** Half the ellipse's extent along y (head to feet). */
    public double halfHeightY() {
        double c = Math.cos(angleRad);
        double s = Math.sin(angleRad);
        return Math.sqrt(rx * rx * s * s + ry * ry * c * c);
    }

    /** Distance from the spine midline to the nearest edge of the contact (negative if it spans the midline). */
    public double midlineClearance() {
        return Math.abs(x) - halfWidthX();
    }
}
