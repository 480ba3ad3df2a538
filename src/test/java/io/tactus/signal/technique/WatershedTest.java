package io.tactus.signal.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

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
        flood(w, kpa);
    }

    /** Floods a frame as the tracker does: over the cells above 0, listed in index order. */
    private static void flood(Watershed ws, float[] kpa) {
        int[] cells = new int[N * N];
        int count = 0;
        for (int i = 0; i < N * N; i++) {
            if (kpa[i] > 0) {
                cells[count++] = i;
            }
        }
        ws.flood(kpa, cells, count, LEVEL, LEVEL / 4);
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
        assertEquals(22 * N + 22, w.basinCell(first), "the higher peak starts first");
        assertEquals(8 * N + 8, w.basinCell(second));
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

    @Test
    void aHandWithALighterFingerPadAwayFromItsHeelIsOneBasinWithoutAFlood() {
        float[] kpa = new float[N * N];
        cone(kpa, 16, 16, 30, 5);
        cone(kpa, 16, 21, 12, 2.5); // 50 mm away, 0.4 of the heel, joined above the level: one contact
        flood(kpa);
        assertEquals(0, w.flooded(), "two maxima, the lower cannot stand apart: no sort and flood");
        assertEquals(1, standing());
        int b = w.basin(0);
        assertEquals(16 * N + 16, w.basinCell(b));
        assertEquals(force(kpa), w.force(b), 1e-9);
        assertEquals(30, w.peak(b), 1e-6);
        // both peaks stay the basin's: a contact near the finger pad is within the split distance of it
        assertEquals(0, w.nearestPeaks2(b, b), 1e-9);
    }

    @Test
    void twoMaximaMeetingOnlyInTheirSkirtsAreStillFlooded() {
        float[] kpa = new float[N * N];
        cone(kpa, 16, 10, 30, 5);
        cone(kpa, 16, 18, 10, 4); // 80 mm away: between them only cells below the level
        for (int c = 10; c <= 18; c++) {
            kpa[16 * N + c] = Math.max(kpa[16 * N + c], LEVEL / 2); // a skirt bridge makes them one component
        }
        flood(kpa);
        assertEquals(1, w.flooded());
        assertEquals(2, standing(), "contacts touching only in their skirts stay apart");
    }

    /**
     * The shortcuts (a component with one maximum, or two the flood cannot keep apart, taken as it stands) give
     * what flooding every component gives, on random frames of hands, finger pads, noise specks and plateaus.
     */
    @Test
    void shortcutsGiveWhatTheFloodGives() {
        Watershed full = new Watershed(N, N, axis, axis, PITCH_MM * PITCH_MM, false);
        SplittableRandom rnd = new SplittableRandom(7);
        int shortcut = 0;
        for (int frame = 0; frame < 3000; frame++) {
            float[] kpa = new float[N * N];
            int blobs = 1 + rnd.nextInt(4);
            for (int k = 0; k < blobs; k++) {
                cone(kpa, rnd.nextInt(N), rnd.nextInt(N), 2 + rnd.nextDouble() * 60, 1.5 + rnd.nextDouble() * 6);
            }
            for (int k = rnd.nextInt(6); k > 0; k--) {
                kpa[rnd.nextInt(N * N)] += (float) (rnd.nextDouble() * 8);
            }
            if (rnd.nextInt(10) == 0) { // quantised readings: plateaus and ties
                for (int i = 0; i < kpa.length; i++) {
                    kpa[i] = Math.round(kpa[i]);
                }
            }
            flood(w, kpa);
            flood(full, kpa);
            assertTrue(w.flooded() <= full.flooded());
            shortcut += full.flooded() - w.flooded();
            int[] a = standingBasins(w);
            int[] b = standingBasins(full);
            assertEquals(b.length, a.length, "frame " + frame + ": standing basins");
            for (int k = 0; k < a.length; k++) {
                String at = "frame " + frame + ", basin " + k;
                assertEquals(full.basinCell(b[k]), w.basinCell(a[k]), at);
                assertEquals(full.cells(b[k]), w.cells(a[k]), at);
                assertEquals(full.peak(b[k]), w.peak(a[k]), 0, at);
                assertEquals(full.force(b[k]), w.force(a[k]), 1e-9 * full.force(b[k]), at);
                assertEquals(full.forceX(b[k]), w.forceX(a[k]), 1e-9 * Math.abs(full.forceX(b[k])) + 1e-9, at);
                assertEquals(full.forceY(b[k]), w.forceY(a[k]), 1e-9 * Math.abs(full.forceY(b[k])) + 1e-9, at);
                for (int j = 0; j < a.length; j++) {
                    assertEquals(full.nearestPeaks2(b[k], b[j]), w.nearestPeaks2(a[k], a[j]), 0, at + " to " + j);
                }
            }
        }
        assertTrue(shortcut > 1000, "the frames exercise the shortcuts: " + shortcut);
    }

    private static int[] standingBasins(Watershed ws) {
        return java.util.stream.IntStream.range(0, ws.basins()).map(ws::basin).filter(ws::standing).toArray();
    }
}
