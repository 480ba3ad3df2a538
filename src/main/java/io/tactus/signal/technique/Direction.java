package io.tactus.signal.technique;

/**
 * Direction of a stroke relative to the body map's spine, or of a circle's turn.
 *
 * <ul>
 *   <li>{@code UP}: toward the head along the spine; {@code DOWN}: toward the feet;</li>
 *   <li>{@code OUTWARD}: away from the midline (toward the receiver's flank); {@code INWARD}: toward it;</li>
 *   <li>{@code CLOCKWISE} / {@code COUNTERCLOCKWISE}: as seen by the trainee looking down at the prone receiver's
 *   back (the view the heatmap draws: head at the top, the receiver's left on the left). Turning sense does not
 *   depend on where around the table the trainee stands, only on looking from above.</li>
 * </ul>
 */
public enum Direction {
    UP("up"),
    DOWN("down"),
    OUTWARD("outward"),
    INWARD("inward"),
    CLOCKWISE("clockwise"),
    COUNTERCLOCKWISE("counterclockwise");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    /** Lower-case id used in JSON and routine files. */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException listing the valid ids */
    public static Direction fromId(String id) {
        for (Direction d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + id
                + "' (up, down, outward, inward, clockwise, counterclockwise)");
    }
}
