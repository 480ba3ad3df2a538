package io.tactus.app.heat;

import io.tactus.signal.body.BodyRegion;
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
public record RegionLayout(int rows, int cols, BodyRegion[] cells, String source) {

    public RegionLayout {
        if (cells.length != rows * cols) {
            throw new IllegalArgumentException("layout has " + cells.length + " cells for " + rows + "x" + cols);
        }
        cells = cells.clone();
    }

    public BodyRegion at(int row, int col) {
        return cells[row * cols + col];
    }

    public Set<BodyRegion> regions() {
        Set<BodyRegion> s = EnumSet.noneOf(BodyRegion.class);
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
        BodyRegion[] cells = new BodyRegion[rows * cols];
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

    static BodyRegion templateRegion(double x, double y) {
        double ax = Math.abs(x);
        boolean left = x < 0;
        double ex = (ax - 120) / 35;
        double ey = (y - 150) / 75;
        if (ex * ex + ey * ey <= 1) {
            return left ? BodyRegion.SCAPULA_L : BodyRegion.SCAPULA_R;
        }
        if (y >= 460) {
            return ax <= 55 ? BodyRegion.SACRUM : left ? BodyRegion.ILIAC_L : BodyRegion.ILIAC_R;
        }
        if (ax <= 20) {
            return BodyRegion.SPINE;
        }
        if (y < 75) {
            return left ? BodyRegion.SHOULDER_L : BodyRegion.SHOULDER_R;
        }
        if (y < 300) {
            return left ? BodyRegion.THORACIC_L : BodyRegion.THORACIC_R;
        }
        return left ? BodyRegion.LUMBAR_L : BodyRegion.LUMBAR_R;
    }
}
