package io.tactus.report;

import io.tactus.render.BackAnatomy;
import io.tactus.render.ColorMap;
import io.tactus.render.HeatmapRaster;
import io.tactus.render.Interpolation;
import io.tactus.signal.body.BodyRegion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A pressure map over the back illustration, drawn as the app draws it: the anatomical back of the core's body
 * map and registration ({@link BackAnatomy}: vertebrae, scapulae, sacrum, iliac crests, shoulder line) on the light
 * ground, the grid upsampled with the app's own raster (bilinear, viridis) on top with no pressure transparent,
 * the region boundaries and the spine band outline, and a colour scale. Row 0 is the head end; column 0 the
 * receiver's left (they lie prone), as in the app. A one-row grid (a glove) is drawn as a strip of taxels
 * without the back.
 */
public final class HeatmapFigure implements Figure {

    private static final Color GLOVE_GROUND = new Color(0x1e2329);
    private static final Color SPINE = new Color(0xc62828);
    private static final Color LABEL = new Color(0x37474f);
    private static final Color ALERT = new Color(0xff1744);
    private static final int LEGEND_W = 64;
    /** The core's default noise floor: below it a report's kPa map shows the back, as the app does. */
    private static final float NOISE_FLOOR_KPA = 0.5f;

    private final int rows;
    private final int cols;
    private final float[] kpa;
    private final double maxKpa;
    private final BodyRegion[] cellRegions;
    private final BodyRegion highlight;
    private final String description;
    private final String unit;
    private final int cell;
    private final int rasterScale;
    private final BackAnatomy anatomy;
    private final double pitchXmm;
    private final double pitchYmm;

    /**
     * @param cellRegions region per cell (row-major, null entries off the back), or null to draw no map
     * @param highlight   region to outline in the alert colour (a flag's region), or null
     * @param unit        scale unit, e.g. "kPa" or "kPa s"
     * @param longSidePx  size of the map's long side in CSS pixels
     * @param back        the back under the map, in mat mm ({@link BackAnatomy#of} with 1 px per mm), or null
     * @param pitchMm     the cells' pitch {x, y} in mm (places the back on the grid)
     */
    public HeatmapFigure(int rows, int cols, float[] kpa, double maxKpa, BodyRegion[] cellRegions, BodyRegion highlight,
                         String description, String unit, int longSidePx, BackAnatomy back, double[] pitchMm) {
        this.rows = rows;
        this.cols = cols;
        this.kpa = kpa.clone();
        this.maxKpa = maxKpa > 0 ? maxKpa : 1;
        this.cellRegions = cellRegions != null && cellRegions.length == rows * cols ? cellRegions : null;
        this.highlight = highlight;
        this.description = description;
        this.unit = unit;
        this.cell = Math.max(2, longSidePx / Math.max(rows, cols));
        // a modest upsampled image: the viewer smooths further; keeps a report with many thumbnails small
        this.rasterScale = Math.max(1, Math.min(8, 256 / Math.max(rows, cols)));
        this.anatomy = rows > 1 ? back : null;
        this.pitchXmm = pitchMm != null && pitchMm[0] > 0 ? pitchMm[0] : 10;
        this.pitchYmm = pitchMm != null && pitchMm[1] > 0 ? pitchMm[1] : pitchXmm;
    }

    private int mapW() {
        return cols * cell;
    }

    private int mapH() {
        return Math.max(rows * cell, rows == 1 ? 40 : 0);
    }

    @Override
    public int width() {
        return mapW() + LEGEND_W;
    }

    @Override
    public int height() {
        return mapH() + (rows == 1 ? 24 : 0);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void paint(Graphics2D g) {
        int w = mapW();
        int h = mapH();
        g.setColor(rows == 1 ? GLOVE_GROUND : new Color(BackAnatomy.GROUND_ARGB, true));
        g.fillRect(0, 0, w, h);
        drawBack(g);
        HeatmapRaster raster = new HeatmapRaster(rows, cols, rasterScale);
        if (rows == 1) {
            raster.render(kpa, (float) maxKpa, ColorMap.VIRIDIS, Interpolation.NEAREST);
        } else { // no pressure is no colour: the back shows through, as in the app
            // Transparent at or below the core's noise floor (kPa maps), or 1 % of the scale (kPa s): between a
            // touched and an untouched cell the edge then follows the interpolated pressure, not the cell grid.
            float floor = "kPa".equals(unit) ? NOISE_FLOOR_KPA : (float) (maxKpa * 0.01);
            raster.render(kpa, (float) maxKpa, ColorMap.VIRIDIS, Interpolation.BILINEAR, floor, Float.NaN);
        }
        BufferedImage img = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, raster.width(), raster.height(), raster.pixels(), 0, raster.width());
        g.drawImage(img, 0, 0, w, h, null);
        if (rows > 1) {
            drawRegions(g);
            if (w < 200) {
                drawLegend(g, w + 10, h); // thumbnails: no labels, they would cover the map
                return;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.setColor(LABEL);
            g.drawString("LEFT", 4, h - 5);
            g.drawString("RIGHT", w - 38, h - 5);
            // beside the spine band, not over the vertebrae
            g.drawString("HEAD", w / 2 + Math.max(14, w / 14), 12);
        } else {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            g.drawString("taxels 1-" + cols + " (glove)", 2, h + 16);
        }
        drawLegend(g, w + 10, h);
    }

    private void drawRegions(Graphics2D g) {
        if (cellRegions == null) {
            return;
        }
        Path2D boundaries = new Path2D.Double();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                BodyRegion here = at(r, c);
                if (c + 1 < cols && here != at(r, c + 1)) {
                    line(boundaries, c + 1, r, c + 1, r + 1);
                }
                if (r + 1 < rows && here != at(r + 1, c)) {
                    line(boundaries, c, r + 1, c + 1, r + 1);
                }
            }
        }
        g.setColor(new Color(64, 71, 82, 90));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        g.draw(boundaries);
        g.setColor(SPINE);
        g.setStroke(new BasicStroke(2f));
        g.draw(edge(BodyRegion.SPINE));
        if (highlight != null) {
            g.setColor(ALERT);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(edge(highlight));
        }
    }

    /** The outline of one region: every cell edge whose neighbour lies outside it. */
    private Path2D edge(BodyRegion region) {
        Path2D p = new Path2D.Double();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (at(r, c) != region) {
                    continue;
                }
                if (r == 0 || at(r - 1, c) != region) {
                    line(p, c, r, c + 1, r);
                }
                if (r == rows - 1 || at(r + 1, c) != region) {
                    line(p, c, r + 1, c + 1, r + 1);
                }
                if (c == 0 || at(r, c - 1) != region) {
                    line(p, c, r, c, r + 1);
                }
                if (c == cols - 1 || at(r, c + 1) != region) {
                    line(p, c + 1, r, c + 1, r + 1);
                }
            }
        }
        return p;
    }

    private void line(Path2D p, int c0, int r0, int c1, int r1) {
        p.moveTo(c0 * cell, r0 * cell);
        p.lineTo(c1 * cell, r1 * cell);
    }

    private BodyRegion at(int r, int c) {
        return cellRegions[r * cols + c];
    }

    /**
     * The app's back illustration ({@link BackAnatomy}, in mat mm) placed on the grid: mm times cell pixels per
     * pitch. Line widths shrink with the drawing (they are given for the app's raster) but stay visible.
     */
    private void drawBack(Graphics2D g) {
        if (anatomy == null) {
            return;
        }
        AffineTransform toFigure = AffineTransform.getScaleInstance(cell / pitchXmm, cell / pitchYmm);
        double thin = Math.max(0.6, cell / (double) HeatmapRaster.scaleFor(rows, cols));
        for (BackAnatomy.Figure f : anatomy.figures()) {
            double[] xy = f.xy();
            Path2D p = new Path2D.Double();
            p.moveTo(xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                p.lineTo(xy[i], xy[i + 1]);
            }
            if (f.closed()) {
                p.closePath();
            }
            java.awt.Shape shape = toFigure.createTransformedShape(p);
            BackAnatomy.Kind k = f.kind();
            if (f.closed() && k.fillArgb() != 0) {
                g.setColor(new Color(k.fillArgb(), true));
                g.fill(shape);
            }
            double[] dash = k.dash();
            float width = (float) Math.max(0.6, k.strokeWidth() * thin);
            g.setColor(new Color(k.strokeArgb(), true));
            g.setStroke(dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {(float) (dash[0] * thin), (float) (dash[1] * thin)}, 0f));
            g.draw(shape);
        }
    }

    private void drawLegend(Graphics2D g, int x, int h) {
        int barH = Math.max(30, h - 20);
        int y0 = 10;
        for (int i = 0; i < barH; i++) {
            g.setColor(new Color(ColorMap.VIRIDIS.argb(1.0 - i / (double) (barH - 1)), true));
            g.fillRect(x, y0 + i, 12, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString(String.format(Locale.ROOT, "%.0f", maxKpa), x + 15, y0 + 8);
        g.drawString("0", x + 15, y0 + barH);
        g.drawString(unit, x + 15, y0 + barH / 2 + 4);
    }
}
