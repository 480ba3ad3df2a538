package io.tactus.signal.body;

import java.util.Arrays;

/**
 * The cells of every row grouped into runs of the same region (row-major; a run never crosses the end of a
 * row). The measuring loop walks runs instead of looking up each cell's region, so a region's sums stay in
 * registers along a run rather than going through an array per cell. Derived from the region of every cell;
 * immutable.
 */
public final class RegionRuns {

    private final int[] rowFirstRun;
    private final int[] runEnd;
    private final int[] runRegion;

    private RegionRuns(int[] rowFirstRun, int[] runEnd, int[] runRegion) {
        this.rowFirstRun = rowFirstRun;
        this.runEnd = runEnd;
        this.runRegion = runRegion;
    }

    /** @param cellRegion region ordinal per cell (row-major, -1 off the back), rows x cols long */
    public static RegionRuns of(int[] cellRegion, int rows, int cols) {
        int[] first = new int[rows + 1];
        int[] end = new int[cellRegion.length];
        int[] region = new int[cellRegion.length];
        int runs = 0;
        for (int r = 0, i = 0; r < rows; r++) {
            first[r] = runs;
            int rowEnd = i + cols;
            while (i < rowEnd) {
                int g = cellRegion[i];
                while (i < rowEnd && cellRegion[i] == g) {
                    i++;
                }
                end[runs] = i;
                region[runs] = g;
                runs++;
            }
        }
        first[rows] = runs;
        return new RegionRuns(first, Arrays.copyOf(end, runs), Arrays.copyOf(region, runs));
    }

    /** Index of the first run of each row, then the run count (rows + 1 entries); do not modify. */
    public int[] rowFirstRun() {
        return rowFirstRun;
    }

    /** Cell index just past each run; do not modify. */
    public int[] runEnd() {
        return runEnd;
    }

    /** Region ordinal of each run, -1 off the back; do not modify. */
    public int[] runRegion() {
        return runRegion;
    }
}
