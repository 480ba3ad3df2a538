package io.tactus.device.sim;

/**
 * Where a stroke's working point is, in body mm, as a function of the stroke's progress {@code u} (0..1) and
 * its elapsed seconds {@code t}. "Clockwise" is as seen from above with the head at the top (y grows toward
 * the feet, so an increasing angle turns clockwise on screen).
 */
public interface Path {

    Point at(double u, double t);

    record Point(double x, double y) {
    }

    static Path still(double x, double y) {
        return new Line(x, y, x, y);
    }

    static Path line(double x0, double y0, double x1, double y1) {
        return new Line(x0, y0, x1, y1);
    }

    /** Piecewise linear through (u_i, x_i, y_i); u_i ascending from 0 to 1. */
    static Path polyline(double[] u, double[] x, double[] y) {
        return new Polyline(u.clone(), x.clone(), y.clone());
    }

    /** Clockwise (or anticlockwise) circles of radius r whose centre glides from c0 to c1. */
    static Path circles(double cx0, double cy0, double cx1, double cy1, double r, double revolutions,
                        boolean clockwise) {
        return new Circles(cx0, cy0, cx1, cy1, r, revolutions, clockwise);
    }

    /** Back and forth around a centre: amplitude (ax, ay) mm, frequency hz. */
    static Path oscillate(double cx, double cy, double ax, double ay, double hz) {
        return new Oscillate(cx, cy, ax, ay, hz);
    }

    record Line(double x0, double y0, double x1, double y1) implements Path {
        @Override
        public Point at(double u, double t) {
            return new Point(x0 + (x1 - x0) * u, y0 + (y1 - y0) * u);
        }
    }

    record Polyline(double[] u, double[] x, double[] y) implements Path {
        @Override
        public Point at(double uu, double t) {
            if (uu <= u[0]) {
                return new Point(x[0], y[0]);
            }
            for (int i = 1; i < u.length; i++) {
                if (uu <= u[i]) {
                    double f = (uu - u[i - 1]) / (u[i] - u[i - 1]);
                    return new Point(x[i - 1] + (x[i] - x[i - 1]) * f, y[i - 1] + (y[i] - y[i - 1]) * f);
                }
            }
            return new Point(x[x.length - 1], y[y.length - 1]);
        }
    }

    record Circles(double cx0, double cy0, double cx1, double cy1, double r, double revolutions,
                   boolean clockwise) implements Path {
        @Override
        public Point at(double u, double t) {
            double a = 2 * Math.PI * revolutions * u * (clockwise ? 1 : -1);
            double cx = cx0 + (cx1 - cx0) * u;
            double cy = cy0 + (cy1 - cy0) * u;
            return new Point(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
    }

    record Oscillate(double cx, double cy, double ax, double ay, double hz) implements Path {
        @Override
        public Point at(double u, double t) {
            double s = Math.sin(2 * Math.PI * hz * t);
            return new Point(cx + ax * s, cy + ay * s);
        }
    }
}
