package io.tactus.device.sim;

/**
 * Mean pressure of one dome over one rectangular cell. A cell wholly inside the dome's ellipse gets the exact
 * mean of the quadratic profile from the rectangle's moments; a cell the ellipse's edge crosses is
 * supersampled on a grid of at most 1 mm spacing (the profile is zero outside the ellipse, so it is no longer
 * a polynomial there).
 */
final class CellAverage {

    static final double SUBSAMPLE_MM = 1.0;

    private CellAverage() {
    }

    static double mean(Contact k, double x0, double y0, double w, double h) {
        double c = Math.cos(k.angleRad());
        double s = Math.sin(k.angleRad());
        double irx2 = 1 / (k.rx() * k.rx());
        double iry2 = 1 / (k.ry() * k.ry());
        // rho^2 = a dx^2 + 2 b dx dy + d dy^2
        double a = c * c * irx2 + s * s * iry2;
        double b = c * s * (irx2 - iry2);
        double d = s * s * irx2 + c * c * iry2;
        double ax = x0 - k.x();
        double bx = ax + w;
        double ay = y0 - k.y();
        double by = ay + h;
        int inside = 0;
        inside += rho2(a, b, d, ax, ay) < 1 ? 1 : 0;
        inside += rho2(a, b, d, bx, ay) < 1 ? 1 : 0;
        inside += rho2(a, b, d, ax, by) < 1 ? 1 : 0;
        inside += rho2(a, b, d, bx, by) < 1 ? 1 : 0;
        if (inside == 4) {
            double mxx = (bx * bx * bx - ax * ax * ax) / (3 * w);
            double myy = (by * by * by - ay * ay * ay) / (3 * h);
            double mxy = (ax + bx) / 2 * (ay + by) / 2;
            return k.peakKpa() * (1 - (a * mxx + 2 * b * mxy + d * myy));
        }
        int nx = Math.max(2, (int) Math.ceil(w / SUBSAMPLE_MM));
        int ny = Math.max(2, (int) Math.ceil(h / SUBSAMPLE_MM));
        double sum = 0;
        for (int j = 0; j < ny; j++) {
            double dy = ay + (j + 0.5) * h / ny;
            for (int i = 0; i < nx; i++) {
                double dx = ax + (i + 0.5) * w / nx;
                double r2 = rho2(a, b, d, dx, dy);
                if (r2 < 1) {
                    sum += 1 - r2;
                }
            }
        }
        return k.peakKpa() * sum / (nx * ny);
    }

    private static double rho2(double a, double b, double d, double dx, double dy) {
        return a * dx * dx + 2 * b * dx * dy + d * dy * dy;
    }
}
