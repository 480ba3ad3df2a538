package io.tactus.app.heat;

import io.tactus.signal.Region;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which region each cell of the grid belongs to, for drawing the region map over the heatmap. {@code source}
 * says where the geometry came from so the view can tell the user (the signal core's body map, or the app's
 * drawing template when no body map is available).
 *
 * @param cells row-major region per cell, null where the cell is off the back
 */
public record RegionLayout(int rows, int cols, Region[] cells, String source) {

    public RegionLayout {
        if (cells.length != rows * cols) {
            throw new IllegalArgumentException("layout has " + cells.length + " cells for " + rows + "x" + cols);
        }
        cells = cells.clone();
    }

    public Region at(int row, int col) {
        return cells[row * cols + col];
    }

    public Set<Region> regions() {
        Set<Region> s = EnumSet.noneOf(Region.class);
        Arrays.stream(cells).filter(r -> r != null).forEach(s::add);
        return s;
    }

    /**
     * A drawing template for a mat centred on the spine with row 0 at the shoulder line, used only to draw the
     * map until the signal core supplies a body map. Same rules as the simulator's back template
     * (docs/SIMULATOR.md, "Back template"): x in mm from the midline (negative = receiver's left), y in mm from
     * the shoulder line; a cell belongs to the region of its centre.
     */
    public static RegionLayout template(int rows, int cols, double pitchXmm, double pitchYmm) {
        Region[] cells = new Region[rows * cols];
        double px = pitchXmm > 0 ? pitchXmm : 12.5;
        double py = pitchYmm > 0 ? pitchYmm : px;
        double half = cols * px / 2;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = (c + 0.5) * px - half;
                double y = (r + 0.5) * py;
                cells[r * cols + c] = templateRegion(x, y);
            }
        }
        return new RegionLayout(rows, cols, cells, "template (no body map loaded)");
    }

    static Region templateRegion(double x, double y) {
        double ax = Math.abs(x);
        boolean left = x < 0;
        double ex = (ax - 120) / 35;
        double ey = (y - 150) / 75;
        if (ex * ex + ey * ey <= 1) {
            return left ? Region.SCAPULA_L : Region.SCAPULA_R;
        }
        if (y >= 460) {
            return ax <= 55 ? Region.SACRUM : left ? Region.ILIAC_L : Region.ILIAC_R;
        }
        if (ax <= 20) {
            return Region.SPINE;
        }
        if (y < 75) {
            return left ? Region.SHOULDER_L : Region.SHOULDER_R;
        }
        if (y < 300) {
            return left ? Region.THORACIC_L : Region.THORACIC_R;
        }
        return left ? Region.LUMBAR_L : Region.LUMBAR_R;
    }
}
