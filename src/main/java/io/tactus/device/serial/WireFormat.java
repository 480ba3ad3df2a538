package io.tactus.device.serial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a port carries: protocol v1 binary packets, DIY text lines of a grid of known size, or either
 * (sniffed from the first bytes).
 *
 * @param mode  AUTO, BINARY or TEXT
 * @param rows  grid rows for TEXT (0 otherwise)
 * @param cols  grid columns for TEXT
 */
public record WireFormat(Mode mode, int rows, int cols) {

    public enum Mode {
        AUTO,
        BINARY,
        TEXT
    }

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{1,5})\\s*[xX*]\\s*(\\d{1,5})\\s*");
    /** Same bound as the protocol's largest dense frame, so text mode cannot ask for a huge allocation. */
    public static final int MAX_CELLS = 32_768;

    public WireFormat {
        if (mode == Mode.TEXT && (rows <= 0 || cols <= 0 || (long) rows * cols > MAX_CELLS)) {
            throw new IllegalArgumentException("text grid must be 1.." + MAX_CELLS + " cells, got " + rows + "x" + cols);
        }
    }

    public static WireFormat auto() {
        return new WireFormat(Mode.AUTO, 0, 0);
    }

    public static WireFormat binary() {
        return new WireFormat(Mode.BINARY, 0, 0);
    }

    public static WireFormat text(int rows, int cols) {
        return new WireFormat(Mode.TEXT, rows, cols);
    }

    public boolean sizeKnown() {
        return rows > 0 && cols > 0;
    }

    /**
     * Parses "RxC" as given to {@code --ascii}, e.g. "16x16".
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static WireFormat parseText(String rxc) {
        Matcher m = SIZE.matcher(rxc == null ? "" : rxc);
        if (!m.matches()) {
            throw new IllegalArgumentException("grid size must look like 16x16 (rows x columns), got '" + rxc + "'");
        }
        return text(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return switch (mode) {
            case TEXT -> "text " + rows + "x" + cols;
            case AUTO -> "auto-detect";
            case BINARY -> "binary";
        };
    }
}
