package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;

/**
 * How the simulated device streams a scenario. The default mat is 32 x 32 cells over 400 mm (across the back)
 * by 600 mm (head to sacrum), so a cell is 12.5 mm x 18.75 mm; {@link #withGrid(int, int)} keeps that physical
 * size and rescales the pitch (64 x 64 gives 6.25 mm x 9.375 mm). The glove scenario ignores rows, cols and pitch.
 *
 * @param seed         seed of every random choice (noise, dead cells); same seed, same bytes
 * @param rateHz       frames per second of device time
 * @param sparse       send FRAME_SPARSE (firmware zero-suppresses cells below {@link MatSensor#SPARSE_THRESHOLD_COUNTS})
 *                     instead of FRAME_DENSE
 * @param rows         mat rows (row 0 at the receiver's shoulder line)
 * @param cols         mat columns (column 0 at the receiver's left)
 * @param pitchXmm     cell pitch across the back (mm)
 * @param pitchYmm     cell pitch head to feet (mm)
 * @param loop         restart the scenario at its end, continuing sequence and device time (no new HELLO)
 * @param clockStartUs device clock (us) at the HELLO; the clock wraps at 2^32 on the wire as a real device's does
 * @param driftCountsPerMinute slow no-load baseline drift of a piezoresistive sensor, counts per minute of device
 *                     time (each cell drifts at 0.5..1.5 times this); 0 (default) = none. Ground truth is unaffected.
 * @param noiseScale   multiplies the mat's per-cell read noise (sigma 2 counts; the two noisy cells' 40); 1 (default)
 *                     = the nominal sensor. Ground truth is unaffected.
 */
public record SimOptions(long seed, double rateHz, boolean sparse, int rows, int cols, double pitchXmm,
                         double pitchYmm, boolean loop, long clockStartUs, double driftCountsPerMinute,
                         double noiseScale) {

    public static final long DEFAULT_SEED = 20_240_515L;
    public static final double DEFAULT_RATE_HZ = 100;
    public static final int DEFAULT_ROWS = 32;
    public static final int DEFAULT_COLS = 32;
    /** The device booted a quarter second before it says HELLO. */
    public static final long DEFAULT_CLOCK_START_US = 250_000;
    public static final double MAX_RATE_HZ = 10_000;
    public static final double MAX_DRIFT_COUNTS_PER_MINUTE = 1000;

    public SimOptions {
        if (!(rateHz > 0) || rateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException("rate must be in (0, " + (int) MAX_RATE_HZ + "] Hz, got " + rateHz);
        }
        if (rows < 1 || cols < 1 || (long) rows * cols > DeviceDescriptor.MAX_CELLS) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " must have 1.."
                    + DeviceDescriptor.MAX_CELLS + " cells");
        }
        if (!(pitchXmm > 0) || !(pitchYmm > 0) || Double.isInfinite(pitchXmm) || Double.isInfinite(pitchYmm)) {
            throw new IllegalArgumentException("pitch must be > 0 mm, got " + pitchXmm + " x " + pitchYmm);
        }
        if (clockStartUs < 0 || clockStartUs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("clock start must be a u32 microsecond count, got " + clockStartUs);
        }
        if (!(Math.abs(driftCountsPerMinute) <= MAX_DRIFT_COUNTS_PER_MINUTE)) {
            throw new IllegalArgumentException("drift must be within +-" + (int) MAX_DRIFT_COUNTS_PER_MINUTE
                    + " counts/min, got " + driftCountsPerMinute);
        }
        if (!(noiseScale >= 0) || noiseScale > 100) {
            throw new IllegalArgumentException("noise scale must be in [0, 100], got " + noiseScale);
        }
    }

    /** Options with the nominal sensor noise (the original ten components). */
    public SimOptions(long seed, double rateHz, boolean sparse, int rows, int cols, double pitchXmm, double pitchYmm,
                      boolean loop, long clockStartUs, double driftCountsPerMinute) {
        this(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs, driftCountsPerMinute, 1);
    }

    /** Read noise times {@code scale} (0 = noise-free counts, 1 = nominal). */
    public SimOptions withNoise(double scale) {
        return new SimOptions(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs,
                driftCountsPerMinute, scale);
    }

    /** Options without drift (the original nine components). */
    public SimOptions(long seed, double rateHz, boolean sparse, int rows, int cols, double pitchXmm, double pitchYmm,
                      boolean loop, long clockStartUs) {
        this(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs, 0);
    }

    public static SimOptions defaults() {
        return new SimOptions(DEFAULT_SEED, DEFAULT_RATE_HZ, false, DEFAULT_ROWS, DEFAULT_COLS,
                BackGeometry.MAT_WIDTH_MM / DEFAULT_COLS, BackGeometry.MAT_LENGTH_MM / DEFAULT_ROWS, false,
                DEFAULT_CLOCK_START_US);
    }

    public SimOptions withSeed(long s) {
        return new SimOptions(s, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs,
                driftCountsPerMinute, noiseScale);
    }

    public SimOptions withRate(double hz) {
        return new SimOptions(seed, hz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs,
                driftCountsPerMinute, noiseScale);
    }

    public SimOptions withSparse(boolean s) {
        return new SimOptions(seed, rateHz, s, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs,
                driftCountsPerMinute, noiseScale);
    }

    /** A grid of {@code r} x {@code c} cells covering the standard 400 x 600 mm mat (pitch rescaled). */
    public SimOptions withGrid(int r, int c) {
        if (r < 1 || c < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1, got " + r + "x" + c);
        }
        return new SimOptions(seed, rateHz, sparse, r, c, BackGeometry.MAT_WIDTH_MM / c,
                BackGeometry.MAT_LENGTH_MM / r, loop, clockStartUs, driftCountsPerMinute, noiseScale);
    }

    /** Explicit pitch: the mat then covers cols*x by rows*y mm, still centred on the spine from the shoulder line. */
    public SimOptions withPitch(double xMm, double yMm) {
        return new SimOptions(seed, rateHz, sparse, rows, cols, xMm, yMm, loop, clockStartUs,
                driftCountsPerMinute, noiseScale);
    }

    public SimOptions withLoop(boolean l) {
        return new SimOptions(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, l, clockStartUs,
                driftCountsPerMinute, noiseScale);
    }

    public SimOptions withClockStartUs(long us) {
        return new SimOptions(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, us,
                driftCountsPerMinute, noiseScale);
    }

    public SimOptions withDrift(double countsPerMinute) {
        return new SimOptions(seed, rateHz, sparse, rows, cols, pitchXmm, pitchYmm, loop, clockStartUs,
                countsPerMinute, noiseScale);
    }

    public double matWidthMm() {
        return cols * pitchXmm;
    }

    public double matLengthMm() {
        return rows * pitchYmm;
    }
}
