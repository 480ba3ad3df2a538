package io.tactus.signal.metrics;

import io.tactus.signal.body.BodyRegion;

/**
 * One region's state in one frame.
 *
 * @param meanKpa      mean pressure over the region's loaded cells (0 when none)
 * @param peakKpa      highest cell pressure in the region
 * @param forceN       total force on the region
 * @param loadedCells  cells above the noise floor
 */
public record RegionValue(BodyRegion region, double meanKpa, double peakKpa, double forceN, int loadedCells) {
}
