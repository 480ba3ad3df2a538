package io.tactus.signal;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import java.util.Arrays;

/** A synthetic 32 x 32 mat like the simulator's (400 x 600 mm, power-law sensor) for unit tests. */
final class TestMat {

    static final double A = 0.0123;
    static final double B = 1.25;
    static final double OFFSET = 40;
    static final int ROWS = 32;
    static final int COLS = 32;
    static final double PX = 12.5;
    static final double PY = 18.75;

    static DeviceDescriptor descriptor() {
        return descriptor("TEST-1");
    }

    static DeviceDescriptor descriptor(String serial) {
        return new DeviceDescriptor(1, "test mat", serial, "1", "grid", ROWS, COLS, new double[] {PX, PY}, 12, 100,
                null, DeviceDescriptor.CalibrationSpec.power(A, B, OFFSET));
    }

    static int counts(double kpa) {
        return (int) Math.round(OFFSET + (kpa <= 0 ? 0 : Math.pow(kpa / A, 1 / B)));
    }

    /** Body coordinates (mm from the midline, mm below the shoulder line) of a cell centre. */
    static double bodyX(int c) {
        return (c + 0.5) * PX - COLS * PX / 2;
    }

    static double bodyY(int r) {
        return (r + 0.5) * PY;
    }

    private long index;
    private long timeUs = 1_000_000;
    final int[] field = new int[ROWS * COLS];

    TestMat() {
        clear();
    }

    void clear() {
        Arrays.fill(field, counts(0));
    }

    /** A dome of {@code peak} kPa centred at body (x, y) with radius r mm, added to the field. */
    void dome(double x, double y, double r, double peak) {
        for (int row = 0; row < ROWS; row++) {
            for (int c = 0; c < COLS; c++) {
                double dx = bodyX(c) - x;
                double dy = bodyY(row) - y;
                double rho2 = (dx * dx + dy * dy) / (r * r);
                if (rho2 < 1) {
                    field[row * COLS + c] = counts(peak * (1 - rho2));
                }
            }
        }
    }

    RawFrame next() {
        RawFrame f = new RawFrame(index++, timeUs, 0, field.clone());
        timeUs += 10_000;
        return f;
    }

    long timeUs() {
        return timeUs;
    }
}
