package io.tactus.render;

/**
 * Colour scales for pressure, as 256-entry ARGB lookup tables. The default is viridis: perceptually uniform and
 * readable with the common colour-vision deficiencies. None of the maps uses red, which is kept for alerts.
 */
public enum ColorMap {
    /** Viridis, from the CC0 degree-6 polynomial fit of matplotlib's table (max error well under 1 %). */
    VIRIDIS("Viridis (default)"),
    /** Blue to yellow with lightness rising linearly (CIELAB), the idea behind cividis; safe for red-green CVD. */
    BLUE_YELLOW("Blue-yellow (cividis-like)"),
    /** Inferno-like: black, purple, orange, pale yellow; polynomial fit of matplotlib's inferno. */
    INFERNO("Inferno"),
    GREY("Greyscale");

    public static final int SIZE = 256;

    private final String label;
    private int[] lut;

    ColorMap(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** ARGB table, index 0 = no pressure, 255 = top of the scale. Shared: do not modify. */
    public synchronized int[] lut() {
        if (lut == null) {
            lut = build(this);
        }
        return lut;
    }

    /** Colour for a fraction 0..1 of the scale as ARGB. */
    public int argb(double fraction) {
        int i = (int) Math.round(Math.max(0, Math.min(1, fraction)) * (SIZE - 1));
        return lut()[i];
    }

    @Override
    public String toString() {
        return label;
    }

    private static int[] build(ColorMap map) {
        int[] out = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double t = i / (double) (SIZE - 1);
            double[] rgb = switch (map) {
                case VIRIDIS -> poly(t, VIRIDIS_C);
                case INFERNO -> poly(t, INFERNO_C);
                case BLUE_YELLOW -> blueYellow(t);
                case GREY -> new double[] {0.08 + 0.9 * t, 0.08 + 0.9 * t, 0.08 + 0.9 * t};
            };
            out[i] = 0xFF000000 | (channel(rgb[0]) << 16) | (channel(rgb[1]) << 8) | channel(rgb[2]);
        }
        return out;
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    private static double[] poly(double t, double[][] c) {
        double[] rgb = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            double v = 0;
            for (int k = c.length - 1; k >= 0; k--) {
                v = v * t + c[k][ch];
            }
            rgb[ch] = v;
        }
        return rgb;
    }

    /** L* from 15 to 92 linearly; a/b from a dark blue to a yellow, so lightness alone carries the value. */
    private static double[] blueYellow(double t) {
        double l = 15 + 77 * t;
        double a = 8 * (1 - t) + (-4) * t;
        double b = -42 * (1 - t) + 78 * t;
        return labToSrgb(l, a, b);
    }

    private static double[] labToSrgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = 0.95047 * finv(fx);
        double y = 1.0 * finv(fy);
        double z = 1.08883 * finv(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return new double[] {gamma(r), gamma(g), gamma(bl)};
    }

    private static double finv(double f) {
        double f3 = f * f * f;
        return f3 > 0.008856 ? f3 : (f - 16.0 / 116) / 7.787;
    }

    private static double gamma(double c) {
        c = Math.max(0, c);
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    // Coefficients c0..c6 per channel (r, g, b); public-domain (CC0) fits of matplotlib's tables.
    private static final double[][] VIRIDIS_C = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    };
    private static final double[][] INFERNO_C = {
        {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
        {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
        {11.60249308247187, -3.972853965665698, -15.9423941062914},
        {-41.70399613139459, 17.43639888205313, 44.35414519872813},
        {77.162935699427, -33.40235894210092, -81.80730925738993},
        {-71.31942824499214, 32.62606426397723, 73.20951985803202},
        {25.13112622477341, -12.24266895238567, -23.07032500287172},
    };
}
