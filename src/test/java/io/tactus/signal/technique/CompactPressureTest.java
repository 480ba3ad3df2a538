package io.tactus.signal.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A press is read the same wherever it lands on the cell grid: a 90 kPa thumb (20 mm dome) on the 32 x 32 mat's
 * 12.5 x 18.75 mm cells, placed at 36 offsets across one cell, against a 28 kPa palm kneading in place. The cells
 * are what an ideal sensing element reads: the dome's mean over the cell's area.
 */
class CompactPressureTest {

    static final int ROWS = 32;
    static final int COLS = 32;
    static final double PX = 12.5;
    static final double PY = 18.75;
    static final double HOLD_MIN_KPA = 30;

    final double[] colX = new double[COLS];
    final double[] rowY = new double[ROWS];
    final CompactPressure pressure;

    CompactPressureTest() {
        for (int c = 0; c < COLS; c++) {
            colX[c] = (c + 0.5) * PX;
        }
        for (int r = 0; r < ROWS; r++) {
            rowY[r] = (r + 0.5) * PY;
        }
        pressure = new CompactPressure(ROWS, COLS, colX, rowY, PX * PY);
    }

    /** What the detectors get for a dome of peak {@code peakKpa} and semi-axes a x b centred at (x, y). */
    double[] read(double peakKpa, double a, double b, double x, double y) {
        float[] kpa = new float[ROWS * COLS];
        int sub = 24;
        double sum = 0;
        double sx = 0;
        double sy = 0;
        double peak = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double m = 0;
                for (int i = 0; i < sub; i++) {
                    for (int j = 0; j < sub; j++) {
                        double u = (c * PX + (j + 0.5) * PX / sub - x) / a;
                        double v = (r * PY + (i + 0.5) * PY / sub - y) / b;
                        m += Math.max(0, peakKpa * (1 - u * u - v * v));
                    }
                }
                m /= sub * sub;
                kpa[r * COLS + c] = (float) m;
                sum += m;
                sx += m * colX[c];
                sy += m * rowY[r];
                peak = Math.max(peak, m);
            }
        }
        double forceN = sum * PX * PY / 1000;
        return new double[] {peak, pressure.of(kpa, sx / sum, sy / sum, peak, forceN)};
    }

    @Test
    void aThumbReadsTheSameAnywhereOnTheGridAndNeverAboveItsPeak() {
        double lowestCell = Double.MAX_VALUE;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double[] p = read(90, 10, 10, 200 + j * PX / 6, 300 + i * PY / 6);
                lowestCell = Math.min(lowestCell, p[0]);
                lo = Math.min(lo, p[1]);
                hi = Math.max(hi, p[1]);
            }
        }
        assertTrue(lowestCell < HOLD_MIN_KPA, "the problem: on a cell corner its peak cell reads " + lowestCell);
        assertTrue(lo >= HOLD_MIN_KPA, "read as a firm press everywhere: lowest " + lo);
        assertTrue(hi <= 90, "never above the true peak: highest " + hi);
        assertTrue(lo / hi >= 0.8, "grid-position independent: " + lo + " .. " + hi);
    }

    @Test
    void aBroadPalmKeepsItsPeakCellReading() {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double[] p = read(28, 45, 50, 200 + j * PX / 6, 300 + i * PY / 6);
                assertEquals(p[0], p[1], 0.0, "a palm the mat resolves reads its peak cell");
                assertTrue(p[1] < HOLD_MIN_KPA, "28 kPa kneading stays under the hold level: " + p[1]);
            }
        }
    }

    @Test
    void aLightThumbStaysLight() {
        double[] p = read(25, 10, 10, 200 + PX / 2, 300 + PY / 2);
        assertTrue(p[1] < HOLD_MIN_KPA, "a 25 kPa thumb is not a firm press: " + p[1]);
        assertTrue(p[1] <= 25, "never above the true peak: " + p[1]);
    }
}
