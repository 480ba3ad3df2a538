package io.tactus.device.sim;

import java.util.List;

/**
 * The part of the hand that presses, as a set of elliptical contact patches in body mm relative to the tool's
 * working point, for a hand whose fingers point to the receiver's head (rotate with {@link Stroke#angleDeg()}).
 * Sizes are an adult hand's: heel of the hand ~5 x 6 cm, thumb tip ~2 cm, knuckles and fingertips ~1.5 cm.
 */
public enum Tool {
    /** Heel of the hand: circles, kneading, finishing strokes. */
    PALM_HEEL(List.of(new Patch(0, 0, 25, 30, 1.0))),
    /** Flat hand for effleurage: heel plus the lighter centre of the palm toward the fingers. */
    FLAT_HAND(List.of(new Patch(0, 0, 24, 30, 1.0), new Patch(0, -48, 24, 22, 0.45))),
    THUMB(List.of(new Patch(0, 0, 10, 10, 1.0))),
    /** A loose fist: four knuckles in a column along the stroke. */
    KNUCKLES(List.of(new Patch(0, -30, 8, 8, 1.0), new Patch(0, -10, 8, 8, 1.0), new Patch(0, 10, 8, 8, 0.95),
            new Patch(0, 30, 8, 8, 0.85))),
    FINGERTIPS(List.of(new Patch(-27, 3, 7, 7, 0.85), new Patch(-9, -4, 7, 7, 1.0), new Patch(9, -6, 7, 7, 1.0),
            new Patch(27, 0, 7, 7, 0.9)));

    /**
     * One dome-shaped contact: pressure = peak * weight * (1 - rho^2) inside the ellipse, 0 outside
     * (rho^2 = (u/rx)^2 + (v/ry)^2).
     */
    public record Patch(double dx, double dy, double rx, double ry, double weight) {
    }

    private final List<Patch> patches;

    Tool(List<Patch> patches) {
        this.patches = patches;
    }

    public List<Patch> patches() {
        return patches;
    }

    /** The name in the movement truth: flat_hand, palm_heel, thumb, knuckles. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
