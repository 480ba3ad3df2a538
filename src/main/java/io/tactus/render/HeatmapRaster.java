package io.tactus.render;

/**
 * Turns one frame of cell pressures into ARGB pixels at a fixed upsampled size (cells x scale), so the cost per
 * frame depends on the sensor, not on the window; the GPU/ImageView scales the result to the screen. Pure Java,
 * no JavaFX: unit tested and benchmarked directly. Interpolation happens in pressure, before the colour lookup,
 * so a blend between two cells is a plausible pressure, not a mix of two colours. Not thread-safe; no allocation
 * per frame.
 */
public final class HeatmapRaster {

    /** Upsampled images aim at about this many pixels on the long side. */
    public static final int TARGET_PIXELS = 512;

    private final int rows;
    private final int cols;
    private final int scale;
    private final int width;
    private final int height;
    private final int[] pixels;
    // Bilinear tables, per output column / row: left cell, right cell and the right weight in 1/256.
    private final int[] x0;
    private final int[] x1;
    private final int[] wx;
    private final int[] y0;
    private final int[] y1;
    private final int[] wy;
    private final float[] rowA;
    /** The previous output row's pressures (for the contour's vertical neighbour). */
    private final float[] rowPrev;

    public HeatmapRaster(int rows, int cols) {
        this(rows, cols, scaleFor(rows, cols));
    }

    /** Pixels per cell for a grid: about {@link #TARGET_PIXELS} on the long side. */
    public static int scaleFor(int rows, int cols) {
        return Math.max(1, TARGET_PIXELS / Math.max(rows, cols));
    }

    public HeatmapRaster(int rows, int cols, int scale) {
        if (rows <= 0 || cols <= 0 || scale <= 0) {
            throw new IllegalArgumentException("bad raster " + rows + "x" + cols + " scale " + scale);
        }
        this.rows = rows;
        this.cols = cols;
        this.scale = scale;
        this.width = cols * scale;
        this.height = rows * scale;
        this.pixels = new int[width * height];
        this.x0 = new int[width];
        this.x1 = new int[width];
        this.wx = new int[width];
        this.y0 = new int[height];
        this.y1 = new int[height];
        this.wy = new int[height];
        this.rowA = new float[width];
        this.rowPrev = new float[width];
        axis(cols, scale, x0, x1, wx);
        axis(rows, scale, y0, y1, wy);
    }

    private static void axis(int cells, int scale, int[] lo, int[] hi, int[] w) {
        for (int p = 0; p < lo.length; p++) {
            double c = (p + 0.5) / scale - 0.5; // pixel centre in cell coordinates
            if (c <= 0) {
                lo[p] = 0;
                hi[p] = 0;
                w[p] = 0;
            } else if (c >= cells - 1) {
                lo[p] = cells - 1;
                hi[p] = cells - 1;
                w[p] = 0;
            } else {
                lo[p] = (int) c;
                hi[p] = lo[p] + 1;
                w[p] = (int) Math.round((c - lo[p]) * 256);
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int scale() {
        return scale;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The ARGB pixels of the last render, row-major, {@code width() * height()}. */
    public int[] pixels() {
        return pixels;
    }

    /**
     * Renders {@code kpa} (row-major, rows x cols) with the scale 0..{@code maxKpa}, every pixel opaque. Values
     * above the top of the scale take the top colour.
     */
    public void render(float[] kpa, float maxKpa, ColorMap map, Interpolation interpolation) {
        render(kpa, maxKpa, map, interpolation, Float.NEGATIVE_INFINITY, Float.NaN);
    }

    /**
     * Renders for drawing over the back illustration: pixels at or below {@code floorKpa} (the noise floor) are
     * transparent, so no pressure shows the back and any contact above the floor shows in colour; where the
     * pressure crosses {@code contourKpa} (NaN = no contour) the pixel is white, an iso-line around each contact.
     */
    public void render(float[] kpa, float maxKpa, ColorMap map, Interpolation interpolation, float floorKpa,
                       float contourKpa) {
        if (kpa.length != rows * cols) {
            throw new IllegalArgumentException("frame has " + kpa.length + " cells, raster " + rows * cols);
        }
        int[] lut = map.lut();
        float k = (ColorMap.SIZE - 1) / Math.max(1e-6f, maxKpa);
        boolean contour = !Float.isNaN(contourKpa);
        if (interpolation == Interpolation.NEAREST && !contour && floorKpa == Float.NEGATIVE_INFINITY) {
            renderNearest(kpa, k, lut);
            return;
        }
        for (int py = 0; py < height; py++) {
            if (interpolation == Interpolation.NEAREST) {
                int base = (py / scale) * cols;
                for (int px = 0; px < width; px++) {
                    rowA[px] = kpa[base + px / scale];
                }
            } else {
                blendRow(kpa, py);
            }
            int off = py * width;
            for (int px = 0; px < width; px++) {
                float v = rowA[px];
                int argb = v > floorKpa || floorKpa == Float.NEGATIVE_INFINITY ? lut[index(v * k)] : TRANSPARENT;
                if (contour) {
                    boolean in = v >= contourKpa;
                    if ((px > 0 && in != rowA[px - 1] >= contourKpa) || (py > 0 && in != rowPrev[px] >= contourKpa)) {
                        argb = CONTOUR;
                    }
                }
                pixels[off + px] = argb;
            }
            System.arraycopy(rowA, 0, rowPrev, 0, width);
        }
    }

    /** Fully transparent (premultiplied ARGB). */
    public static final int TRANSPARENT = 0;
    /** The contact contour's colour: white, visible on every colour map and on the illustration. */
    public static final int CONTOUR = 0xFFFFFFFF;

    private void renderNearest(float[] kpa, float k, int[] lut) {
        for (int r = 0; r < rows; r++) {
            int base = r * scale * width;
            for (int c = 0; c < cols; c++) {
                int argb = lut[index(kpa[r * cols + c] * k)];
                int start = base + c * scale;
                for (int i = 0; i < scale; i++) {
                    pixels[start + i] = argb;
                }
            }
            for (int line = 1; line < scale; line++) {
                System.arraycopy(pixels, base, pixels, base + line * width, width);
            }
        }
    }

    /** Bilinear pressure of output row {@code py} into {@code rowA}: the two source rows blended, then along x. */
    private void blendRow(float[] kpa, int py) {
        final float inv = 1f / 256f;
        int ra = y0[py] * cols;
        int rb = y1[py] * cols;
        float fy = wy[py] * inv;
        for (int px = 0; px < width; px++) {
            int xa = x0[px];
            int xb = x1[px];
            float fx = wx[px] * inv;
            float top = kpa[ra + xa] + (kpa[ra + xb] - kpa[ra + xa]) * fx;
            float bottom = kpa[rb + xa] + (kpa[rb + xb] - kpa[rb + xa]) * fx;
            rowA[px] = top + (bottom - top) * fy;
        }
    }

    private static int index(float v) {
        if (!(v > 0)) {
            return 0; // also NaN
        }
        int i = (int) v;
        return i >= ColorMap.SIZE ? ColorMap.SIZE - 1 : i;
    }
}
