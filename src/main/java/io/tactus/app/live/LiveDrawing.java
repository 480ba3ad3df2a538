package io.tactus.app.live;

import io.tactus.render.BackAnatomy;
import io.tactus.render.BackDrawing;
import io.tactus.render.CopTrails;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.technique.TrackedContact;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the live heatmap draws besides pressure, kept in step with the core: the core's {@link BackDrawing} (back
 * illustration from the body map and registration, noise floor, contact level for the contour) and each hand's
 * centre-of-pressure trail over the last 2 s of wall time. FX thread only.
 */
public final class LiveDrawing {

    /** Before the core is asked: the core's default noise floor. */
    static final double DEFAULT_FLOOR_KPA = BackDrawing.DEFAULT_FLOOR_KPA;

    private final ObjectProperty<BackDrawing> back = new SimpleObjectProperty<>();
    private final ObjectProperty<BackAnatomy> anatomy = new SimpleObjectProperty<>();
    private final CopTrails trails = new CopTrails();

    public LiveDrawing() {
        back.addListener((o, a, b) -> anatomy.set(b == null ? null : b.anatomy()));
    }

    /** Drawing for a mat whose core has not answered yet: the standard body map, centred. */
    void template(int rows, int cols, double pitchXmm, double pitchYmm) {
        back.set(BackDrawing.template(rows, cols, pitchXmm, pitchYmm));
        trails.clear();
    }

    /** The core's own picture: called after connect, a spine trace and a settings change. */
    void fromCore(LiveCommands.CoreView v) {
        back.set(v.drawing());
    }

    /** No mat to draw on (a glove) or disconnected. */
    void clear() {
        back.set(null);
        trails.clear();
    }

    /** The tracked contacts now: one trail per contact id. */
    void contacts(long nowNanos, List<TrackedContact> contacts) {
        trails.contacts(nowNanos, contacts);
    }

    /** A new frame: without contact tracking, the combined centre of pressure is the one trail. */
    void frame(long nowNanos, FrameSnapshot s) {
        trails.combined(nowNanos, s.peakKpa(), floorKpa(), s.copXmm(), s.copYmm());
    }

    /** Each trail in raster pixels. */
    public List<double[]> trailPolylines() {
        BackDrawing b = back.get();
        return b == null ? List.of() : trails.polylines(b.pxPerMmX(), b.pxPerMmY());
    }

    /** The drawing now (null: nothing to draw on). */
    public ReadOnlyObjectProperty<BackDrawing> backProperty() {
        return back;
    }

    /** Shown height per raster width unit: pitch y over pitch x, so the back keeps its proportions. */
    public double aspect() {
        BackDrawing b = back.get();
        return b == null ? 1 : b.aspect();
    }

    public ObjectProperty<BackAnatomy> anatomyProperty() {
        return anatomy;
    }

    public double floorKpa() {
        BackDrawing b = back.get();
        return b == null ? DEFAULT_FLOOR_KPA : b.floorKpa();
    }

    /** The contact level (a cell at or above it is touched), NaN before the core said. */
    public double contactKpa() {
        BackDrawing b = back.get();
        return b == null ? Double.NaN : b.contactKpa();
    }
}
