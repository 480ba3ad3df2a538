package io.tactus.signal.body;

import java.util.List;

/**
 * A region rule's outline in mat mm (x from the left edge, y from the head-end edge), clipped to the mat, for
 * drawing. Rules overlap (the first one containing a cell wins): draw in {@code order} descending so earlier
 * rules end up on top, or use {@link io.tactus.signal.SignalPipeline#cellRegions()} for the exact per-cell
 * assignment.
 *
 * @param order  position of the rule in the body map
 * @param points closed polygon [x, y] in mat mm
 */
public record RegionOutline(BodyRegion region, int order, List<double[]> points) {
}
