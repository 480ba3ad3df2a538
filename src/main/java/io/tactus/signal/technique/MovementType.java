package io.tactus.signal.technique;

/** What one contact did: a stroke (a straight run), a circle (one full turn) or a hold (staying put, firmly). */
public enum MovementType {
    STROKE("stroke"),
    CIRCLE("circle"),
    HOLD("hold");

    private final String id;

    MovementType(String id) {
        this.id = id;
    }

    /** Lower-case id used in JSON and routine files. */
    public String id() {
        return id;
    }
}
