package io.tactus.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user tells Tactus about a DIY text grid (PROTOCOL.md section 9): its size, and optionally pitch, ADC
 * resolution and frame rate.
 *
 * @param rows    grid rows (row 0 = head end)
 * @param cols    grid columns (column 0 = the receiver's left)
 * @param pitchMm centre-to-centre spacing in mm, both directions
 * @param adcBits resolution announced in the synthesized HELLO
 * @param rateHz  frame rate; 0 = estimate it from the first frames
 */
public record AsciiOptions(int rows, int cols, double pitchMm, int adcBits, double rateHz) {

    /** A typical hand-made copper-tape-on-Velostat grid. */
    public static final double DEFAULT_PITCH_MM = 20;
    /** Arduino Uno / Nano ADCs. */
    public static final int DEFAULT_ADC_BITS = 10;
    /** Rate = estimate from the clock. */
    public static final double ESTIMATE_RATE = 0;

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,6})\\s*[xX*]\\s*(\\d{1,6})\\s*");

    public AsciiOptions {
        if (rows < 1 || cols < 1 || (long) rows * cols > DeviceDescriptor.MAX_CELLS) {
            throw new IllegalArgumentException("grid size " + rows + "x" + cols + " must have 1.."
                    + DeviceDescriptor.MAX_CELLS + " cells");
        }
        if (!(pitchMm > 0 && pitchMm <= 1000)) {
            throw new IllegalArgumentException("pitch must be in (0, 1000] mm, got " + pitchMm);
        }
        if (adcBits < 1 || adcBits > 16) {
            throw new IllegalArgumentException("adc bits must be 1..16, got " + adcBits);
        }
        if (!(rateHz == ESTIMATE_RATE || (rateHz > 0 && rateHz <= 100_000))) {
            throw new IllegalArgumentException("rate must be in (0, 100000] Hz, got " + rateHz);
        }
    }

    /** Defaults for everything but the size; the rate is estimated. */
    public static AsciiOptions of(int rows, int cols) {
        return new AsciiOptions(rows, cols, DEFAULT_PITCH_MM, DEFAULT_ADC_BITS, ESTIMATE_RATE);
    }

    /**
     * Parses a size such as {@code 16x16} (rows x cols).
     *
     * @throws IllegalArgumentException with a one-line message
     */
    public static AsciiOptions parseSize(String rowsByCols) {
        Matcher m = SIZE.matcher(rowsByCols == null ? "" : rowsByCols);
        if (!m.matches()) {
            throw new IllegalArgumentException("grid size must look like 16x16 (rows x cols), got \""
                    + (rowsByCols == null ? "" : rowsByCols.length() > 40 ? rowsByCols.substring(0, 40) + "..." : rowsByCols)
                    + "\"");
        }
        return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public AsciiOptions withPitchMm(double mm) {
        return new AsciiOptions(rows, cols, mm, adcBits, rateHz);
    }

    public AsciiOptions withAdcBits(int bits) {
        return new AsciiOptions(rows, cols, pitchMm, bits, rateHz);
    }

    public AsciiOptions withRateHz(double hz) {
        return new AsciiOptions(rows, cols, pitchMm, adcBits, hz);
    }

    public int cellCount() {
        return rows * cols;
    }

    /** The descriptor the transcoder announces in its synthesized HELLO. */
    public DeviceDescriptor descriptor(double rate) {
        return new DeviceDescriptor(1, "ascii", null, null, DeviceDescriptor.LAYOUT_GRID, rows, cols,
                new double[] {pitchMm, pitchMm}, adcBits, rate, null, null);
    }
}
