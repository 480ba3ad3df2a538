package io.tactus.signal.body;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.state.Checkpointable;
import java.util.Arrays;
import java.util.List;

/**
 * Where the back lies on the device: the body map placed by a {@link Registration}, resolved to a region per
 * cell (for a glove every taxel takes the region under the glove's last reported position), and "trace the
 * spine", which finds the registration from a finger run along the spine ({@link SpineTracer}).
 */
public final class BodyPlacement implements Checkpointable<BodyPlacement.State> {

    private static final BodyRegion[] REGIONS = BodyRegion.values();

    /**
     * @param cellRegion region ordinal per cell (a copy for a glove, whose pose rewrites it)
     * @param pose       a glove's last position in mat mm, or null for a mat
     */
    public record State(BodyMap bodyMap, Registration registration, int[] cellRegion, double[] pose,
                        SpineTracer.State tracer) {
    }

    private final DeviceDescriptor descriptor;
    private final boolean glove;
    private final int n;
    private final double matW;
    private final double matH;
    private final double[] pose;
    private BodyMap bodyMap;
    private Registration registration;
    private int[] cellRegion;
    /** Derived from cellRegion (rebuilt with it, so not part of the checkpoint). */
    private RegionRuns runs;
    private final SpineTracer tracer = new SpineTracer();

    /** @param registration null: the map centred on the mat */
    public BodyPlacement(DeviceDescriptor descriptor, BodyMap map, Registration registration) {
        this.descriptor = descriptor;
        this.glove = descriptor.isGlove();
        this.n = descriptor.cellCount();
        double[] ref = map.referenceSizeMm();
        this.matW = glove ? ref[0] : descriptor.cols() * descriptor.pitchXmm();
        this.matH = glove ? ref[1] : descriptor.rows() * descriptor.pitchYmm();
        this.pose = glove ? new double[] {Double.NaN, Double.NaN} : null;
        place(map, registration != null ? registration : Registration.centred(matW));
    }

    /** A new map or registration (settings, trace the spine). */
    public void place(BodyMap map, Registration r) {
        bodyMap = map;
        registration = r;
        if (glove) {
            cellRegion = new int[n];
            Arrays.fill(cellRegion, regionOrdinalAt(pose[0], pose[1]));
        } else {
            cellRegion = RegionGrid.cellRegions(descriptor, map, r);
        }
        runs = RegionRuns.of(cellRegion, descriptor.rows(), descriptor.cols());
    }

    private int regionOrdinalAt(double x, double y) {
        if (Double.isNaN(x)) {
            return -1;
        }
        BodyRegion g = bodyMap.regionAt(registration.bodyX(x, y), registration.bodyY(y));
        return g == null ? -1 : g.ordinal();
    }

    /** A glove's position: every taxel is resolved to the region under it (ignored for a mat). */
    public void onPose(double xMm, double yMm) {
        if (!glove) {
            return;
        }
        pose[0] = xMm;
        pose[1] = yMm;
        int g = regionOrdinalAt(xMm, yMm);
        if (g != cellRegion[0]) { // a new region: new runs (poses within one region allocate nothing)
            Arrays.fill(cellRegion, g);
            runs = RegionRuns.of(cellRegion, descriptor.rows(), descriptor.cols());
        }
    }

    /** The cells grouped into runs of one region per row (hot path). */
    public RegionRuns regionRuns() {
        return runs;
    }

    /** A glove's last position [x, y] in mat mm (NaN before one), or null for a mat; do not modify. */
    public double[] pose() {
        return pose;
    }

    /** Region of every cell (null = off the back), row-major. Allocates. */
    public BodyRegion[] cellRegions() {
        BodyRegion[] out = new BodyRegion[n];
        for (int i = 0; i < n; i++) {
            out[i] = cellRegion[i] < 0 ? null : REGIONS[cellRegion[i]];
        }
        return out;
    }

    /** Region outlines in mat mm for drawing over the heatmap. */
    public List<RegionOutline> outlines() {
        return RegionGrid.outlines(bodyMap, registration, matW, matH);
    }

    /** Physical mat size [width, length] in mm (the body map's reference size for a glove). */
    public double[] matSizeMm() {
        return new double[] {matW, matH};
    }

    public Registration registration() {
        return registration;
    }

    // ------------------------------------------------------------------ trace the spine

    /** Starts collecting the centre-of-pressure track; the user runs a finger from the sacrum up the spine. */
    public void startTrace() {
        tracer.start();
    }

    public boolean traceActive() {
        return tracer.active();
    }

    public void cancelTrace() {
        tracer.cancel();
    }

    /**
     * One frame with contact while tracing: a glove adds its position, a mat the centre of the cells at or above
     * half the frame's peak.
     */
    public void trace(float[] kpa, double[] colX, double[] rowY, double peakKpa, double copX, double copY) {
        if (glove) {
            tracer.add(copX, copY);
        } else {
            tracer.addFocusedCentre(kpa, colX, rowY, peakKpa);
        }
    }

    /**
     * Fits the midline to the trace (degree 1 = straight, 2 = curved); the shoulder line stays where it was. The
     * caller places the result.
     *
     * @throws IllegalStateException with a user-readable reason if the trace is too short
     */
    public Registration finishTrace(int degree) {
        return tracer.finish(degree, registration.shoulderYmm());
    }

    @Override
    public State checkpoint() {
        return new State(bodyMap, registration, glove ? cellRegion.clone() : cellRegion,
                pose == null ? null : pose.clone(), tracer.checkpoint());
    }

    @Override
    public void restore(State s) {
        bodyMap = s.bodyMap();
        registration = s.registration();
        cellRegion = glove ? s.cellRegion().clone() : s.cellRegion();
        runs = RegionRuns.of(cellRegion, descriptor.rows(), descriptor.cols());
        if (pose != null) {
            System.arraycopy(s.pose(), 0, pose, 0, 2);
        }
        tracer.restore(s.tracer());
    }
}
