package io.tactus.render;

import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;

/**
 * What a mat heatmap draws besides pressure, as the core has it at one moment: the region of each cell, the back
 * illustration placed by the registration, the noise floor (at or below it nothing is coloured), the contact level
 * the contour follows, and the raster's pixels per mat mm (for trails and the mat's proportions). The live view
 * reads it from the running core after connect, a spine trace or a settings change; the replay engine from its core
 * at the playhead, so a recorded trace moves the drawing at the same frame. Coordinates are pixels of a
 * {@link HeatmapRaster} of the grid.
 *
 * @param cellRegions row-major region per cell (null entries off the back); null when not known yet (a template)
 * @param contactKpa  the contact level, NaN when not known
 */
public record BackDrawing(int rows, int cols, BodyRegion[] cellRegions, BackAnatomy anatomy, double floorKpa,
                          double contactKpa, double pxPerMmX, double pxPerMmY) {

    /** Before the core is asked: the core's default noise floor. */
    public static final double DEFAULT_FLOOR_KPA = 0.5;

    /** The core's own picture (call on the core's thread). */
    public static BackDrawing of(SignalPipeline p) {
        int rows = p.descriptor().rows();
        int cols = p.descriptor().cols();
        int scale = HeatmapRaster.scaleFor(rows, cols);
        double kx = scale / p.descriptor().pitchXmm();
        double ky = scale / p.descriptor().pitchYmm();
        return new BackDrawing(rows, cols, p.cellRegions(),
                BackAnatomy.of(p.settings().bodyMap(), p.registration(), p.matSizeMm()[0], kx, ky),
                p.settings().noiseFloorKpa(), p.profile().spineContactKpa(), kx, ky);
    }

    /**
     * Drawing for a mat whose core has not answered yet: the standard body map centred on the mat, no cell regions.
     */
    public static BackDrawing template(int rows, int cols, double pitchXmm, double pitchYmm) {
        int scale = HeatmapRaster.scaleFor(rows, cols);
        double kx = scale / pitchXmm;
        double ky = scale / pitchYmm;
        double matW = cols * pitchXmm;
        return new BackDrawing(rows, cols, null,
                BackAnatomy.of(BodyMap.standard(), Registration.centred(matW), matW, kx, ky), DEFAULT_FLOOR_KPA,
                Double.NaN, kx, ky);
    }

    /** Shown height per raster width unit: pitch y over pitch x, so the back keeps its proportions. */
    public double aspect() {
        return pxPerMmX / pxPerMmY;
    }
}
