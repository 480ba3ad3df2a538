package io.tactus.render;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * The back drawn under the heatmap, as vector figures built from the body map's own geometry and placed with
 * the registration, so the drawing moves with "trace the spine" and with a loaded body map: the spine as a
 * column of vertebrae (thoracic above the lumbar rules' top, lumbar below), both scapulae inside their ellipses
 * (medial border, inferior angle, the spine of the scapula), the sacrum, the iliac crests, the shoulder line,
 * and the spine band's edges. Coordinates are raster pixels; pure Java (tested without a stage). The one source of
 * the back's drawing: the app turns the figures into JavaFX paths ({@code app.heat.AnatomyLayer}), the reports
 * into java.awt paths for SVG / PNG ({@code report.HeatmapFigure}).
 */
public record BackAnatomy(List<Figure> figures) {

    /**
     * What a figure depicts, with its one style (bone in a light fill with a darker edge, lines for the rest), so the
     * app and the reports draw the same back. Widths are in pixels of a {@link HeatmapRaster} of the mat; a smaller
     * drawing scales them down.
     */
    public enum Kind {
        VERTEBRA(BONE, EDGE, 2, false),
        SCAPULA(BONE, EDGE, 2, false),
        SCAPULA_SPINE(0, EDGE, 3, false),
        SACRUM(BONE, EDGE, 2, false),
        ILIAC_CREST(0, EDGE, 5, false),
        SHOULDER_LINE(0, EDGE, 2, true),
        SPINE_BAND_EDGE(0, 0xffb0a493, 1, false);

        private final int fillArgb;
        private final int strokeArgb;
        private final double strokeWidth;
        private final boolean dotted;

        Kind(int fillArgb, int strokeArgb, double strokeWidth, boolean dotted) {
            this.fillArgb = fillArgb;
            this.strokeArgb = strokeArgb;
            this.strokeWidth = strokeWidth;
            this.dotted = dotted;
        }

        /** ARGB fill of a closed figure; 0 = not filled. */
        public int fillArgb() {
            return fillArgb;
        }

        public int strokeArgb() {
            return strokeArgb;
        }

        /** Line width in raster pixels. */
        public double strokeWidth() {
            return strokeWidth;
        }

        /** Dash pattern (on, off) in raster pixels, or null for a solid line. */
        public double[] dash() {
            return dotted ? new double[] {3, 5} : null;
        }
    }

    /** The ground the back is drawn on: a light skin-neutral colour, so the colour map's darkest colour shows. */
    public static final int GROUND_ARGB = 0xffe9e4dc;
    private static final int BONE = 0xffd3cabd;
    private static final int EDGE = 0xff8d8273;

    /** A polyline (closed or open) in raster pixels: x0, y0, x1, y1... */
    public record Figure(Kind kind, double[] xy, boolean closed) {
    }

    private static final int THORACIC = 12;
    private static final int LUMBAR = 5;

    public BackAnatomy {
        figures = List.copyOf(figures);
    }

    /**
     * @param pxPerMmX raster pixels per mat mm across ({@code scale / pitchX})
     * @param pxPerMmY raster pixels per mat mm along the back ({@code scale / pitchY})
     * @param matW     mat width in mm (for the shoulder line)
     */
    public static BackAnatomy of(BodyMap map, Registration reg, double matW, double pxPerMmX, double pxPerMmY) {
        Builder b = new Builder(reg, pxPerMmX, pxPerMmY);
        double half = map.spineHalfWidthMm();
        double spineTop = 0;
        double spineEnd = Double.NaN;
        double lumbarTop = Double.NaN;
        double sacrumTop = Double.NaN;
        double[] sacrumX = {-55, 55};
        for (BodyMap.Rule r : map.regions()) {
            BodyRegion region = BodyRegion.fromId(r.region());
            switch (r.shape()) {
                case "spine_band" -> {
                    spineTop = lo(r.y(), 0);
                    spineEnd = hi(r.y(), Double.NaN);
                }
                case "ellipse" -> {
                    if (region == BodyRegion.SCAPULA_L || region == BodyRegion.SCAPULA_R) {
                        b.scapula(r.center(), r.semiAxes());
                    }
                }
                default -> {
                }
            }
            if ((region == BodyRegion.LUMBAR_L || region == BodyRegion.LUMBAR_R) && r.y() != null) {
                lumbarTop = lo(r.y(), lumbarTop);
            }
            if (region == BodyRegion.SACRUM && r.y() != null) {
                sacrumTop = lo(r.y(), sacrumTop);
                if (r.x() != null && r.x()[0] != null && r.x()[1] != null) {
                    sacrumX = new double[] {r.x()[0], r.x()[1]};
                }
            }
        }
        if (Double.isNaN(spineEnd)) {
            spineEnd = Double.isNaN(sacrumTop) ? 460 : sacrumTop;
        }
        if (Double.isNaN(lumbarTop) || lumbarTop <= spineTop || lumbarTop >= spineEnd) {
            lumbarTop = spineTop + (spineEnd - spineTop) * THORACIC * 0.85 / (THORACIC * 0.85 + LUMBAR * 1.35);
        }
        b.vertebrae(spineTop, lumbarTop, THORACIC, half * 0.85);
        b.vertebrae(lumbarTop, spineEnd, LUMBAR, half * 1.15);
        b.line(Kind.SPINE_BAND_EDGE, -half, spineTop, -half, spineEnd);
        b.line(Kind.SPINE_BAND_EDGE, half, spineTop, half, spineEnd);
        double sTop = Double.isNaN(sacrumTop) ? spineEnd : sacrumTop;
        b.sacrum(sacrumX[0], sacrumX[1], sTop);
        b.iliacCrests(sacrumX[1], sTop);
        double halfMat = matW / 2;
        b.line(Kind.SHOULDER_LINE, -halfMat, spineTop, halfMat, spineTop);
        return new BackAnatomy(b.figures);
    }

    private static double lo(Double[] range, double dflt) {
        return range == null || range[0] == null ? dflt : range[0];
    }

    private static double hi(Double[] range, double dflt) {
        return range == null || range.length < 2 || range[1] == null ? dflt : range[1];
    }

    /** Collects figures, mapping body mm (x from the midline, y from the shoulder line) to raster pixels. */
    private static final class Builder {
        final List<Figure> figures = new ArrayList<>();
        final Registration reg;
        final double kx;
        final double ky;

        Builder(Registration reg, double kx, double ky) {
            this.reg = reg;
            this.kx = kx;
            this.ky = ky;
        }

        void add(Kind kind, boolean closed, double... body) {
            double[] xy = new double[body.length];
            for (int i = 0; i < body.length; i += 2) {
                xy[i] = reg.matX(body[i], body[i + 1]) * kx;
                xy[i + 1] = reg.matY(body[i + 1]) * ky;
            }
            figures.add(new Figure(kind, xy, closed));
        }

        void line(Kind kind, double x0, double y0, double x1, double y1) {
            add(kind, false, x0, y0, x1, y1);
        }

        /** {@code n} vertebral bodies between y0 and y1, {@code halfWidth} wide each side, with gaps for discs. */
        void vertebrae(double y0, double y1, int n, double halfWidth) {
            double h = (y1 - y0) / n;
            for (int i = 0; i < n; i++) {
                double top = y0 + i * h + h * 0.12;
                double bottom = y0 + (i + 1) * h - h * 0.12;
                double w = halfWidth;
                double c = w * 0.25; // chamfered corners read as a vertebral body, not a box
                add(Kind.VERTEBRA, true, -w + c, top, w - c, top, w, top + c, w, bottom - c, w - c, bottom,
                        -w + c, bottom, -w, bottom - c, -w, top + c);
            }
        }

        /** A scapula in its ellipse: medial border toward the spine, inferior angle at the bottom, acromion out. */
        void scapula(double[] centre, double[] semi) {
            double cx = centre[0];
            double cy = centre[1];
            double a = semi[0];
            double b = semi[1];
            double out = Math.signum(cx) == 0 ? 1 : Math.signum(cx); // lateral direction
            double medial = cx - out * a * 0.75;
            add(Kind.SCAPULA, true,
                    medial, cy - b * 0.85,                       // superior angle
                    cx + out * a * 0.2, cy - b * 0.95,           // superior border
                    cx + out * a * 1.0, cy - b * 0.8,            // lateral (glenoid) angle
                    cx + out * a * 0.55, cy + b * 0.1,           // lateral border
                    cx - out * a * 0.25, cy + b * 0.95,          // inferior angle
                    medial - out * a * 0.05, cy + b * 0.3);      // medial border
            line(Kind.SCAPULA_SPINE, medial, cy - b * 0.55, cx + out * a * 1.05, cy - b * 0.72);
        }

        /** An inverted triangle below the lumbar spine, as wide as the sacrum rule at its top. */
        void sacrum(double x0, double x1, double top) {
            double w = (x1 - x0) / 2;
            double mid = (x0 + x1) / 2;
            add(Kind.SACRUM, true, mid - w * 0.9, top, mid + w * 0.9, top, mid + w * 0.35, top + w * 1.6,
                    mid, top + w * 2.0, mid - w * 0.35, top + w * 1.6);
        }

        /** Each iliac crest: a curve from beside the sacrum, up and out over the hip. */
        void iliacCrests(double sacrumHalf, double top) {
            for (int side = -1; side <= 1; side += 2) {
                double[] p = new double[18];
                for (int k = 0; k < 9; k++) {
                    double t = k / 8.0;
                    double x = side * (sacrumHalf * 1.05 + t * 125);
                    double y = top + 35 - Math.sin(t * Math.PI * 0.85) * 55;
                    p[2 * k] = x;
                    p[2 * k + 1] = y;
                }
                add(Kind.ILIAC_CREST, false, p);
            }
        }
    }
}
