package io.tactus.app.heat;

import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;

/**
 * Regions of the cell grid as JavaFX path elements in raster pixels ({@code s}: pixels per cell): the borders
 * between regions, one region's outline, one region's area. Shared by the heatmap's overlays and the glove view's
 * back map.
 */
public final class RegionPaths {

    private RegionPaths() {
    }

    /** Segments between cells of different regions. */
    public static PathElement[] boundaryElements(RegionLayout l, double s) {
        java.util.List<PathElement> el = new java.util.ArrayList<>();
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                io.tactus.signal.body.BodyRegion here = l.at(r, c);
                if (c + 1 < l.cols() && here != l.at(r, c + 1)) {
                    el.add(new MoveTo((c + 1) * s, r * s));
                    el.add(new LineTo((c + 1) * s, (r + 1) * s));
                }
                if (r + 1 < l.rows() && here != l.at(r + 1, c)) {
                    el.add(new MoveTo(c * s, (r + 1) * s));
                    el.add(new LineTo((c + 1) * s, (r + 1) * s));
                }
            }
        }
        return el.toArray(PathElement[]::new);
    }

    /** The outline of one region: every cell edge whose neighbour lies outside it ({@code s}: pixels per cell). */
    public static PathElement[] edgeElements(RegionLayout l, io.tactus.signal.body.BodyRegion region, double s) {
        java.util.List<PathElement> el = new java.util.ArrayList<>();
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                if (l.at(r, c) != region) {
                    continue;
                }
                if (r == 0 || l.at(r - 1, c) != region) {
                    el.add(new MoveTo(c * s, r * s));
                    el.add(new LineTo((c + 1) * s, r * s));
                }
                if (r == l.rows() - 1 || l.at(r + 1, c) != region) {
                    el.add(new MoveTo(c * s, (r + 1) * s));
                    el.add(new LineTo((c + 1) * s, (r + 1) * s));
                }
                if (c == 0 || l.at(r, c - 1) != region) {
                    el.add(new MoveTo(c * s, r * s));
                    el.add(new LineTo(c * s, (r + 1) * s));
                }
                if (c == l.cols() - 1 || l.at(r, c + 1) != region) {
                    el.add(new MoveTo((c + 1) * s, r * s));
                    el.add(new LineTo((c + 1) * s, (r + 1) * s));
                }
            }
        }
        return el.toArray(PathElement[]::new);
    }

    /** The area of one region as one closed rectangle per run of cells on a row (for a translucent fill). */
    public static PathElement[] fillElements(RegionLayout l, io.tactus.signal.body.BodyRegion region, double s) {
        java.util.List<PathElement> el = new java.util.ArrayList<>();
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                if (l.at(r, c) != region) {
                    continue;
                }
                int end = c;
                while (end + 1 < l.cols() && l.at(r, end + 1) == region) {
                    end++;
                }
                el.add(new MoveTo(c * s, r * s));
                el.add(new LineTo((end + 1) * s, r * s));
                el.add(new LineTo((end + 1) * s, (r + 1) * s));
                el.add(new LineTo(c * s, (r + 1) * s));
                el.add(new ClosePath());
                c = end;
            }
        }
        return el.toArray(PathElement[]::new);
    }
}
