package io.tactus.signal.technique;

import java.util.Arrays;

/**
 * The pressure of a contact as the movement detectors judge it. A contact the mat resolves (spread over more than
 * a 2 x 2 block of cells) reads its peak cell. A compact one (a thumb or a fingertip on a coarse mat) does not:
 * each cell reads the mean over its whole area, so the same 90 kPa thumb reads 44 kPa centred on a 12.5 x 18.75 mm
 * cell and 15 kPa exactly on a cell corner, where its force is shared by four cells. Its force is what the mat does
 * measure wherever it lands; this reads such a contact as the cell under it would if all of it were on that one
 * cell (the 2 x 2 block's sum of cell pressures, i.e. its force over one cell's area). That is grid-position
 * independent and still below the true peak of a dome wider than a cell (56-60 kPa for that thumb), so it never
 * makes a press look harder than it is; a broad press (a palm kneading at 28 kPa) keeps its peak cell's reading.
 */
final class CompactPressure {

    /** A contact is compact when at least this share of its force lies in the 2 x 2 block around its centre. */
    static final double COMPACT_SHARE = 0.8;

    private final int rows;
    private final int cols;
    private final double[] colX;
    private final double[] rowY;
    private final double forcePerKpa;
    /** Centre spacing of a regular grid (every mat so far), else 0: the cell under a contact without a search. */
    private final double colPitch;
    private final double rowPitch;

    /**
     * @param colX        cell centre x per column, ascending (mm)
     * @param rowY        cell centre y per row, ascending (mm)
     * @param cellAreaMm2 area of one cell: force (N) = sum of cell kPa * {@code cellAreaMm2} / 1000
     */
    CompactPressure(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2) {
        this.rows = rows;
        this.cols = cols;
        this.colX = colX;
        this.rowY = rowY;
        this.forcePerKpa = cellAreaMm2 / 1000.0;
        this.colPitch = pitch(colX);
        this.rowPitch = pitch(rowY);
    }

    /**
     * @param kpa     the calibrated frame
     * @param x       the contact's centre (mat mm)
     * @param y       the contact's centre (mat mm)
     * @param peakKpa its peak cell's reading
     * @param forceN  its force
     * @return its pressure for the movement detectors (kPa)
     */
    double of(float[] kpa, double x, double y, double peakKpa, double forceN) {
        if (rows < 2 || cols < 2 || forceN <= 0) {
            return peakKpa;
        }
        int c = lowerCell(colX, colPitch, x);
        int r = lowerCell(rowY, rowPitch, y);
        int i = r * cols + c;
        double block = Math.max(0f, kpa[i]) + Math.max(0f, kpa[i + 1]) + Math.max(0f, kpa[i + cols])
                + Math.max(0f, kpa[i + cols + 1]);
        if (block * forcePerKpa < COMPACT_SHARE * forceN) {
            return peakKpa;
        }
        return Math.max(peakKpa, block);
    }

    /**
     * The first of the two cell centres around v (clamped so that it and the next exist): the last centre at or
     * below v. On a regular grid ({@code pitch} > 0) a guess from the pitch, corrected against the centres
     * themselves so that it is exactly what a search would find; else a binary search.
     */
    private static int lowerCell(double[] centres, double pitch, double v) {
        int last = centres.length - 2;
        int lower;
        if (pitch > 0) {
            double g = (v - centres[0]) / pitch;
            lower = g < 0 ? -1 : g >= last ? last : (int) g;
            while (lower >= 0 && centres[lower] > v) {
                lower--;
            }
            while (lower < last && centres[lower + 1] <= v) {
                lower++;
            }
        } else {
            int k = Arrays.binarySearch(centres, v);
            lower = k >= 0 ? k : -k - 2;
        }
        return Math.max(0, Math.min(last, lower));
    }

    /** The spacing of equally spaced centres (to within a micrometre), else 0. */
    private static double pitch(double[] centres) {
        if (centres.length < 2) {
            return 0;
        }
        double p = (centres[centres.length - 1] - centres[0]) / (centres.length - 1);
        for (int i = 1; i < centres.length; i++) {
            if (!(Math.abs(centres[i] - centres[i - 1] - p) < 1e-3)) {
                return 0;
            }
        }
        return p > 0 ? p : 0;
    }
}
