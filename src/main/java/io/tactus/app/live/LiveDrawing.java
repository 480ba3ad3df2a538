package io.tactus.app.live;

import io.tactus.render.BackAnatomy;
import io.tactus.render.HeatmapRaster;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.Registration;
import io.tactus.signal.technique.TrackedContact;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the live heatmap draws besides pressure, kept in step with the core: the back illustration (body map and
 * registration), the noise floor below which nothing is coloured, the contact level the contour follows, and each
 * hand's centre-of-pressure trail. FX thread only.
 */
public final class LiveDrawing {

    /** Before the core is asked: the core's default noise floor and Gentle's contact level. */
    static final double DEFAULT_FLOOR_KPA = 0.5;

    private final ObjectProperty<BackAnatomy> anatomy = new SimpleObjectProperty<>();
    private final CopTrails trails = new CopTrails();
    private double floorKpa = DEFAULT_FLOOR_KPA;
    private double contactKpa = Double.NaN;
    private double pxPerMmX = 1;
    private double pxPerMmY = 1;
    private boolean tracked;

    /** Drawing for a mat whose core has not answered yet: the standard body map, centred. */
    void template(int rows, int cols, double pitchXmm, double pitchYmm) {
        int scale = HeatmapRaster.scaleFor(rows, cols);
        pxPerMmX = scale / pitchXmm;
        pxPerMmY = scale / pitchYmm;
        double matW = cols * pitchXmm;
        anatomy.set(BackAnatomy.of(BodyMap.standard(), Registration.centred(matW), matW, pxPerMmX, pxPerMmY));
        trails.clear();
    }

    /** The core's own picture: called after connect, a spine trace and a settings change. */
    void fromCore(LiveCommands.CoreView v) {
        pxPerMmX = v.pxPerMmX();
        pxPerMmY = v.pxPerMmY();
        floorKpa = v.floorKpa();
        contactKpa = v.contactKpa();
        anatomy.set(v.anatomy());
    }

    /** No mat to draw on (a glove) or disconnected. */
    void clear() {
        anatomy.set(null);
        trails.clear();
        tracked = false;
    }

    /** The tracked contacts now: one trail per contact id. */
    void contacts(long nowNanos, List<TrackedContact> contacts) {
        tracked = true;
        for (TrackedContact c : contacts) {
            trails.add(c.id(), nowNanos, c.xMm(), c.yMm());
        }
        trails.expire(nowNanos);
    }

    /** A new frame: without contact tracking, the combined centre of pressure is the one trail. */
    void frame(long nowNanos, FrameSnapshot s) {
        if (!tracked && s.peakKpa() > floorKpa) {
            trails.add(0, nowNanos, s.copXmm(), s.copYmm());
        }
        trails.expire(nowNanos);
    }

    /** Each trail in raster pixels. */
    public List<double[]> trailPolylines() {
        return trails.polylines(pxPerMmX, pxPerMmY);
    }

    /** Shown height per raster width unit: pitch y over pitch x, so the back keeps its proportions. */
    public double aspect() {
        return pxPerMmX / pxPerMmY;
    }

    public ObjectProperty<BackAnatomy> anatomyProperty() {
        return anatomy;
    }

    public double floorKpa() {
        return floorKpa;
    }

    /** The contact level (a cell at or above it is touched), NaN before the core said. */
    public double contactKpa() {
        return contactKpa;
    }
}
