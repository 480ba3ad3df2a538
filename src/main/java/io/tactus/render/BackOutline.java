package io.tactus.render;

/**
 * The stylised torso drawn over heatmaps (seen from above, head end at the top), as two polylines in fractions of
 * the mat's width and length, so the app and the headless reports draw the same illustration.
 */
public final class BackOutline {

    /** Receiver's left side from the neck down to the hip edge: {x, y} pairs in 0..1 of the mat. */
    private static final double[][] LEFT = {
        {0.41, 0}, {0.41, 0.02}, {0.04, 0.07}, {0.04, 0.25}, {0.17, 0.62}, {0.10, 0.86}, {0.10, 1.0}};

    private BackOutline() {
    }

    /** The left polyline scaled to a w x h drawing (x to the right, y down). */
    public static double[][] left(double w, double h) {
        double[][] out = new double[LEFT.length][];
        for (int i = 0; i < LEFT.length; i++) {
            out[i] = new double[] {LEFT[i][0] * w, LEFT[i][1] * h};
        }
        return out;
    }

    /** The right polyline: the left one mirrored about the midline. */
    public static double[][] right(double w, double h) {
        double[][] out = left(w, h);
        for (double[] p : out) {
            p[0] = w - p[0];
        }
        return out;
    }
}
