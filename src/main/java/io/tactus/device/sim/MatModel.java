package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulated mat: rasterises the script's contact domes at the cell centres (the true pressure field), and
 * reads it through a {@link MatSensor}. A cell belongs to the region of its centre.
 */
final class MatModel implements FrameModel {

    private final Script script;
    private final DeviceDescriptor descriptor;
    private final int rows;
    private final int cols;
    private final double pitchX;
    private final double pitchY;
    private final double halfWidth;
    private final int[] cellRegion;
    private final MatSensor sensor;
    private final double[] kpa;
    private final double[] best;
    private final int[] owner;
    private final List<Contact> contacts = new ArrayList<>();

    MatModel(Script script, SimOptions o) {
        this.script = script;
        this.rows = o.rows();
        this.cols = o.cols();
        this.pitchX = o.pitchXmm();
        this.pitchY = o.pitchYmm();
        this.halfWidth = o.matWidthMm() / 2;
        this.descriptor = new DeviceDescriptor(1, "Tactus simulated mat", "SIM-MAT-0001", "sim-1",
                DeviceDescriptor.LAYOUT_GRID, rows, cols, new double[] {pitchX, pitchY}, SensorModel.ADC_BITS,
                o.rateHz(), null, SensorModel.calibration());
        int n = rows * cols;
        cellRegion = new int[n];
        boolean[] faultEligible = new boolean[n];
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                double x = cellX(c);
                double y = cellY(r);
                String region = BackGeometry.regionAt(x, y);
                cellRegion[i] = region == null ? -1 : BackGeometry.regionIndex(region);
                // Faults go on muscle well clear of the spine band and the bones (see MatSensor).
                faultEligible[i] = region != null && !BackGeometry.isBone(region)
                        && Math.abs(x) >= 60 && !BackGeometry.isBone(BackGeometry.regionAt(x, y - pitchY))
                        && !BackGeometry.isBone(BackGeometry.regionAt(x, y + pitchY));
            }
        }
        sensor = new MatSensor(rows, cols, faultEligible, o.seed(), o.noiseScale());
        kpa = new double[n];
        best = new double[n];
        owner = new int[n];
    }

    /** Body x (mm from the midline) of column c's centre. */
    double cellX(int c) {
        return (c + 0.5) * pitchX - halfWidth;
    }

    /** Body y (mm from the shoulder line) of row r's centre. */
    double cellY(int r) {
        return (r + 0.5) * pitchY;
    }

    int[] cellRegions() {
        return cellRegion.clone();
    }

    MatSensor sensor() {
        return sensor;
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The true pressure field at t: per cell, the mean of the domes' pressure over the cell's area (what an ideal
     * sensing element of that size reads), row-major, in kPa. The returned array is reused.
     */
    double[] truePressure(double t) {
        Arrays.fill(kpa, 0);
        Arrays.fill(best, 0);
        Arrays.fill(owner, -1);
        script.contactsAt(t, contacts);
        for (Contact k : contacts) {
            double hw = k.halfWidthX();
            double hh = k.halfHeightY();
            int c0 = Math.max(0, (int) Math.floor((k.x() - hw + halfWidth) / pitchX));
            int c1 = Math.min(cols - 1, (int) Math.floor((k.x() + hw + halfWidth) / pitchX));
            int r0 = Math.max(0, (int) Math.floor((k.y() - hh) / pitchY));
            int r1 = Math.min(rows - 1, (int) Math.floor((k.y() + hh) / pitchY));
            for (int r = r0; r <= r1; r++) {
                double y0 = r * pitchY;
                for (int c = c0; c <= c1; c++) {
                    double x0 = c * pitchX - halfWidth;
                    double p = CellAverage.mean(k, x0, y0, pitchX, pitchY);
                    if (p > 0) {
                        int i = r * cols + c;
                        kpa[i] += p;
                        if (p > best[i]) {
                            best[i] = p;
                            owner[i] = k.stroke();
                        }
                    }
                }
            }
        }
        return kpa;
    }

    @Override
    public void regionPeaks(double t, double[] peakKpa, String[] note) {
        double[] field = truePressure(t);
        Arrays.fill(peakKpa, 0);
        Arrays.fill(note, null);
        for (int i = 0; i < field.length; i++) {
            int g = cellRegion[i];
            if (g >= 0 && field[i] > peakKpa[g]) {
                peakKpa[g] = field[i];
                note[g] = owner[i] >= 0 ? script.strokes().get(owner[i]).note() : null;
            }
        }
    }

    @Override
    public void counts(double t, double driftCounts, int[] out, Gaussian noise) {
        sensor.read(truePressure(t), driftCounts, out, noise);
    }

    @Override
    public Path.Point poseMm(double t) {
        return null;
    }
}
