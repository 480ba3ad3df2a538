package io.tactus.signal.calibration;

import java.util.List;

/**
 * The outcome of a tare: the no-touch baseline per cell (counts), the noise, and the cells found dead.
 *
 * @param frames          frames averaged
 * @param baselineCounts  per-cell zero-load counts (replaces the factory offset)
 * @param noiseCounts     per-cell standard deviation (counts)
 * @param noiseFloorKpa   median per-cell floor in kPa (cells read 0 below their own floor)
 * @param deadCells       excluded cells
 * @param zeroSuppressed  the stream reports unloaded cells as 0 (sparse firmware): the baseline falls back to the
 *                        factory offset and dead cells cannot be told from idle ones
 * @param warnings        e.g. "mat was touched during the tare"
 */
public record TareResult(int frames, float[] baselineCounts, float[] noiseCounts, double noiseFloorKpa,
                         List<DeadCell> deadCells, boolean zeroSuppressed, List<String> warnings) {

    public TareResult {
        baselineCounts = baselineCounts.clone();
        noiseCounts = noiseCounts.clone();
        deadCells = List.copyOf(deadCells);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return warnings.isEmpty();
    }
}
