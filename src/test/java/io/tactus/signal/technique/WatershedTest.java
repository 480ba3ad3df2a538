package io.tactus.signal.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The two ways a component becomes basins: one local maximum (taken as it stands by {@link CellComponents}) and
 * several (sorted and flooded). Both must report what the flood reports: every cell, the whole force, the peak,
 * and basins in the order the flood starts them (highest first).
 */
class WatershedTest {

    private static final int N = 32;
    private static final double PITCH_MM = 10;
    private static final float LEVEL = 5;

    private final double[] axis = new double[N];
    private final Watershed w;

    WatershedTest() {
        for (int k = 0; k < N; k++) {
            axis[k] = PITCH_MM * k + PITCH_MM / 2;
        }
        w = new Watershed(N, N, axis, axis, PITCH_MM * PITCH_MM);
    }

    /** Adds a cone of the given peak and radius (cells) centred on (row, col). */
    private static void cone(float[] kpa, int row, int col, double peak, double radius) {
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                double d = Math.hypot(r - row, c - col);
                if (d < radius) {
                    kpa[r * N + c] += (float) (peak * (1 - d / radius));
                }
            }
        }
    }

    private void flood(float[] kpa) {
        int[] cells = new int[N * N];
        int count = 0;
        for (int i = 0; i < N * N; i++) {
            if (kpa[i] > 0) {
                cells[count++] = i;
            }
        }
        w.flood(kpa, cells, count, LEVEL, LEVEL / 4);
    }

    private int standing() {
        int s = 0;
        for (int k = 0; k < w.basins(); k++) {
            s += w.standing(w.basin(k)) ? 1 : 0;
        }
        return s;
    }

    private static double force(float[] kpa) {
        double f = 0;
        for (float v : kpa) {
            f += v >= LEVEL / 4 ? v * PITCH_MM * PITCH_MM / 1000.0 : 0;
        }
        return f;
    }

    @Test
    void twoSeparateHandsAreTwoBasinsWithAllTheirCellsHighestFirst() {
        float[] kpa = new float[N * N];
        cone(kpa, 8, 8, 20, 5);
        cone(kpa, 22, 22, 30, 5);
        flood(kpa);
        assertEquals(2, w.basins());
        assertEquals(2, standing());
        int first = w.basin(0);
        int second = w.basin(1);
        assertEquals(22 * N + 22, first, "the higher peak starts first");
        assertEquals(8 * N + 8, second);
        assertEquals(30, w.peak(first), 1e-6);
        assertEquals(force(kpa), w.force(first) + w.force(second), 1e-9);
        assertEquals(225, w.forceX(first) / w.force(first), 1e-9, "centre of a symmetric cone");
        assertEquals(85, w.forceY(second) / w.force(second), 1e-9);
    }

    @Test
    void twoTouchingPalmsAreFloodedIntoTwoBasins() {
        float[] kpa = new float[N * N];
        cone(kpa, 16, 9, 30, 6);
        cone(kpa, 16, 19, 28, 6); // 100 mm apart, the saddle between them at a third of the lower peak
        flood(kpa);
        assertEquals(2, standing(), "two contacts whose cells touch");
        double f = 0;
        for (int k = 0; k < w.basins(); k++) {
            int b = w.basin(k);
            f += w.standing(b) ? w.force(b) : 0;
        }
        assertEquals(force(kpa), f, 1e-9, "every loaded cell belongs to one of them");
    }

    @Test
    void aRidgeOfBumpsStaysOneBasin() {
        float[] kpa = new float[N * N];
        cone(kpa, 16, 16, 20, 7);
        kpa[16 * N + 18] += 3; // a second local maximum 20 mm from the peak: one contact
        flood(kpa);
        assertEquals(1, standing());
        int b = w.basin(0);
        assertEquals(force(kpa), w.force(b), 1e-9);
    }

    @Test
    void aFrameAfterAnotherStartsClean() {
        float[] kpa = new float[N * N];
        cone(kpa, 16, 9, 30, 6);
        cone(kpa, 16, 19, 28, 6);
        flood(kpa);
        float[] one = new float[N * N];
        cone(one, 5, 5, 12, 4);
        flood(one);
        assertEquals(1, w.basins());
        assertEquals(force(one), w.force(w.basin(0)), 1e-9);
    }
}
