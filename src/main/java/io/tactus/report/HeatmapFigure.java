package io.tactus.report;

import io.tactus.render.BackOutline;
import io.tactus.render.ColorMap;
import io.tactus.render.HeatmapRaster;
import io.tactus.render.Interpolation;
import io.tactus.signal.body.BodyRegion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A pressure map over the back illustration: the grid upsampled with the app's own raster (bilinear, viridis),
 * the region boundaries and the spine band from the core's body map, the stylised torso, and a colour scale.
 * Row 0 is the head end; column 0 the receiver's left (they lie prone), as in the app. A one-row grid (a glove)
 * is drawn as a strip of taxels without the torso.
 */
public final class HeatmapFigure implements Figure {

    private static final Color BACKGROUND = new Color(0x1e2329);
    private static final Color SPINE = new Color(0xffe082);
    private static final Color ALERT = new Color(0xff1744);
    private static final int LEGEND_W = 64;

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

    /**
     * @param cellRegions region per cell (row-major, null entries off the back), or null to draw no map
     * @param highlight   region to outline in the alert colour (a flag's region), or null
     * @param unit        scale unit, e.g. "kPa" or "kPa s"
     * @param longSidePx  size of the map's long side in CSS pixels
     */
    public HeatmapFigure(int rows, int cols, float[] kpa, double maxKpa, BodyRegion[] cellRegions, BodyRegion highlight,
                         String description, String unit, int longSidePx) {
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
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        HeatmapRaster raster = new HeatmapRaster(rows, cols, rasterScale);
        raster.render(kpa, (float) maxKpa, ColorMap.VIRIDIS, rows == 1 ? Interpolation.NEAREST : Interpolation.BILINEAR);
        BufferedImage img = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, raster.width(), raster.height(), raster.pixels(), 0, raster.width());
        g.drawImage(img, 0, 0, w, h, null);
        if (rows > 1) {
            drawRegions(g);
            drawTorso(g, w, h);
            if (w < 200) {
                drawLegend(g, w + 10, h); // thumbnails: no labels, they would cover the map
                return;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.setColor(new Color(0xc8d0d8));
            g.drawString("LEFT", 4, h - 5);
            g.drawString("RIGHT", w - 38, h - 5);
            g.drawString("HEAD", w / 2 - 15, 12);
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
        g.setColor(new Color(255, 255, 255, 110));
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

    private static void drawTorso(Graphics2D g, int w, int h) {
        g.setColor(new Color(255, 255, 255, 170));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[][] side : new double[][][] {BackOutline.left(w, h), BackOutline.right(w, h)}) {
            Path2D p = new Path2D.Double();
            p.moveTo(side[0][0], side[0][1]);
            for (int i = 1; i < side.length; i++) {
                p.lineTo(side[i][0], side[i][1]);
            }
            g.draw(p);
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
