package io.tactus.signal;

/**
 * One region's state in one frame.
 *
 * @param meanKpa      mean pressure over the region's loaded cells (0 when none)
 * @param peakKpa      highest cell pressure in the region
 * @param forceN       total force on the region
 * @param loadedCells  cells above the noise floor
 */
public record RegionValue(Region region, double meanKpa, double peakKpa, double forceN, int loadedCells) {
}
