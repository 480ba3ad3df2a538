package io.tactus.signal;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signal core facade: raw frames in, calibrated pressure, regions, flags and metrics out. One instance per
 * device stream, used from one thread. Deterministic: the same frames give the same events and metrics.
 *
 * <p><b>INTERIM IMPLEMENTATION (issue 3 not done yet):</b> linear factory calibration only, no tare, no body
 * map (regions read zero), no flags, no session metrics. The API is the agreed contract; the signal-core work
 * replaces the internals.
 */
public final class SignalPipeline {

    private final DeviceDescriptor descriptor;
    private final List<FlagListener> listeners = new CopyOnWriteArrayList<>();
    private final List<FlagEvent> events = new ArrayList<>();
    private final float[] kpa;
    private final double cellAreaCm2;
    private final double kpaPerCount;
    private final double offset;
    private RawFrame last;
    private double totalForceN;
    private double areaCm2;
    private double peak;
    private double copX = Double.NaN;
    private double copY = Double.NaN;

    public SignalPipeline(DeviceDescriptor descriptor) {
        this.descriptor = descriptor;
        this.kpa = new float[descriptor.cellCount()];
        this.cellAreaCm2 = descriptor.pitchXmm() * descriptor.pitchYmm() / 100.0;
        DeviceDescriptor.CalibrationSpec c = descriptor.calibration();
        boolean linear = c != null && "linear".equals(c.model()) && c.kpaPerCount() != null;
        this.kpaPerCount = linear ? c.kpaPerCount() : 1.0;
        this.offset = linear && c.offsetCounts() != null ? c.offsetCounts() : 0;
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    public void addListener(FlagListener listener) {
        listeners.add(listener);
    }

    /** Processes one frame. Hot path: no allocation. */
    public void process(RawFrame frame) {
        int[] counts = frame.counts();
        double force = 0;
        double sx = 0;
        double sy = 0;
        double area = 0;
        double pk = 0;
        int cols = descriptor.cols();
        for (int i = 0; i < counts.length; i++) {
            double p = Math.max(0, (counts[i] - offset) * kpaPerCount);
            kpa[i] = (float) p;
            if (p > 0) {
                double f = p * cellAreaCm2 * 0.1; // kPa * cm^2 = 0.1 N
                force += f;
                area += cellAreaCm2;
                sx += f * ((i % cols) + 0.5) * descriptor.pitchXmm();
                sy += f * ((i / cols) + 0.5) * descriptor.pitchYmm();
                pk = Math.max(pk, p);
            }
        }
        last = frame;
        totalForceN = force;
        areaCm2 = area;
        peak = pk;
        copX = force > 0 ? sx / force : Double.NaN;
        copY = force > 0 ? sy / force : Double.NaN;
    }

    public void onMarker(long deviceTimeUs, Payloads.Marker marker) {
        // interim: markers are not turned into events yet
    }

    public void onPose(long deviceTimeUs, Payloads.Pose pose) {
        // interim: glove pose not used yet
    }

    /** Closes any open event at the end of a stream. */
    public void finish(long endDeviceTimeUs) {
    }

    /** Immutable copy of the latest processed frame, or null before the first frame. Allocates. */
    public FrameSnapshot snapshot() {
        if (last == null) {
            return null;
        }
        RegionValue[] regions = new RegionValue[Region.values().length];
        for (Region r : Region.values()) {
            regions[r.ordinal()] = new RegionValue(r, 0, 0, 0, 0);
        }
        return new FrameSnapshot(last.index(), last.deviceTimeUs(), last.hostNanos(), descriptor.rows(),
                descriptor.cols(), kpa.clone(), totalForceN, areaCm2, peak, copX, copY, regions, List.of());
    }

    /** All events so far, closed and open, in start order. */
    public List<FlagEvent> events() {
        return List.copyOf(events);
    }
}
