package io.tactus.render;

/** How cells are blown up to display pixels: crisp blocks (what the sensor saw) or a smooth bilinear blend. */
public enum Interpolation {
    NEAREST("Cells (no interpolation)"),
    BILINEAR("Smooth (bilinear)");

    private final String label;

    Interpolation(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
