package io.tactus.device.sim;

import static io.tactus.device.sim.PressureLevels.EFFLEURAGE_KPA;
import static io.tactus.device.sim.PressureLevels.FINISH_KPA;
import static io.tactus.device.sim.PressureLevels.KNEAD_DEPTH;
import static io.tactus.device.sim.PressureLevels.KNEAD_KPA;
import static io.tactus.device.sim.PressureLevels.KNUCKLE_KPA;
import static io.tactus.device.sim.PressureLevels.PALM_CIRCLE_KPA;
import static io.tactus.device.sim.PressureLevels.THUMB_SLIDE_KPA;
import static io.tactus.device.sim.PressureLevels.TRIGGER_POINT_KPA;

import io.tactus.protocol.Payloads;

/**
 * The choreography of the guided routine (../shared/docs/massage-guidance.md) and its scripted mistakes, in
 * body mm (see {@link BackGeometry}). Clean steps keep every contact >= 30 mm from the midline and off the
 * bones; each mistake is a separate, clearly bounded act with fast (50-60 ms) onsets so its ground-truth start
 * does not depend on a detector's exact threshold.
 */
final class ScriptedRoutine {

    /** Which mistakes a mat scenario contains. */
    record Mistakes(boolean spine, boolean shoulder, boolean scapula, boolean sacrum, boolean marker) {
        static final Mistakes NONE = new Mistakes(false, false, false, false, false);
    }

    static final String LEFT = "left";
    static final String RIGHT = "right";
    /** Fast placement / lift of a mistake (s): crosses any threshold between 5 and 50 kPa within ~2 frames. */
    static final double CRISP_S = 0.05;

    private ScriptedRoutine() {
    }

    /** Two-handed mat routine with optional mistakes. */
    static Script mat(Mistakes m, int effleurageReps, int knuckleReps) {
        Script.Builder b = new Script.Builder();
        b.advance(3.0); // no-touch baseline for the tare
        effleurage(b, effleurageReps, true, true);
        if (m.scapula()) {
            scapulaMistakes(b);
        }
        palmCircles(b, true, true);
        if (m.sacrum()) {
            sacrumMistake(b);
        }
        thumbSlides(b, m.spine(), true);
        triggerPoint(b);
        kneading(b, true, true);
        if (m.shoulder()) {
            overpressure(b, m.marker(), true);
        }
        knuckles(b, knuckleReps, true, true);
        finishing(b, true, true);
        b.advance(2.0);
        return b.build();
    }

    /** One right glove working the receiver's right side, with one thumb slide on the spine and a shoulder press. */
    static Script glove() {
        Script.Builder b = new Script.Builder();
        b.advance(3.0);
        effleurage(b, 3, false, true);
        for (int i = 0; i < 3; i++) {
            double t = b.now();
            b.add(Stroke.of(RIGHT, Tool.THUMB, t, t + 2.5, Path.line(45, 430, 45, 110), THUMB_SLIDE_KPA, 0.2,
                    "thumb slide up beside the spine (right)"));
            b.advance(3.0);
        }
        double t = b.now();
        b.add(Stroke.of(RIGHT, Tool.THUMB, t, t + 2.5, Path.line(0, 430, 0, 150), PressureLevels.SPINE_THUMB_KPA,
                CRISP_S, "thumb slides up ON the spine (mistake)"));
        b.advance(3.0);
        palmCircles(b, false, true);
        kneading(b, false, true);
        t = b.now();
        b.add(Stroke.keyed(RIGHT, Tool.THUMB, t, Path.still(130, 40),
                "thumb presses far too hard on the right upper trapezius (mistake)",
                0, 0, 0.2, 30, 0.8, 30, 0.86, PressureLevels.OVERPRESSURE_THUMB_KPA, 2.86,
                PressureLevels.OVERPRESSURE_THUMB_KPA, 2.92, 30, 3.1, 30, 3.3, 0));
        b.advance(3.8);
        knuckles(b, 1, false, true);
        finishing(b, false, true);
        b.advance(2.0);
        return b.build();
    }

    private static void effleurage(Script.Builder b, int reps, boolean left, boolean right) {
        for (int i = 0; i < reps; i++) {
            double t = b.now();
            if (left) {
                b.add(Stroke.of(LEFT, Tool.FLAT_HAND, t, t + 3, Path.line(-56, 420, -56, 120), EFFLEURAGE_KPA, 0.3,
                        "effleurage up the left side"));
            }
            if (right) {
                b.add(Stroke.of(RIGHT, Tool.FLAT_HAND, t, t + 3, Path.line(56, 420, 56, 120), EFFLEURAGE_KPA, 0.3,
                        "effleurage up the right side"));
            }
            b.advance(4.0);
        }
    }

    /** Clockwise heel-of-hand circles, moving outward and upward from the hips, one side then the other. */
    private static void palmCircles(Script.Builder b, boolean left, boolean right) {
        if (left) {
            double t = b.now();
            b.add(Stroke.of(LEFT, Tool.PALM_HEEL, t, t + 6, Path.circles(-85, 400, -100, 360, 22, 3, true),
                    PALM_CIRCLE_KPA, 0.4, "clockwise palm circles, left lower back"));
            b.advance(6.5);
        }
        if (right) {
            double t = b.now();
            b.add(Stroke.of(RIGHT, Tool.PALM_HEEL, t, t + 6, Path.circles(85, 400, 100, 360, 22, 3, true),
                    PALM_CIRCLE_KPA, 0.4, "clockwise palm circles, right lower back"));
            b.advance(6.5);
        }
    }

    /** Five thumb slides up the long muscles beside the spine; with mistakes, reps 2 and 4 hit the spine. */
    private static void thumbSlides(Script.Builder b, boolean spineMistakes, boolean both) {
        for (int i = 0; i < 5; i++) {
            double t = b.now();
            Stroke left;
            if (spineMistakes && i == 1) {
                left = Stroke.of(LEFT, Tool.THUMB, t, t + 2.5, Path.line(0, 430, 0, 150),
                        PressureLevels.SPINE_THUMB_KPA, CRISP_S, "thumb slides up ON the spine (mistake)");
            } else if (spineMistakes && i == 3) {
                left = Stroke.of(LEFT, Tool.THUMB, t, t + 2.5,
                        Path.polyline(new double[] {0, 0.45, 0.55, 1}, new double[] {-45, -45, 0, 0},
                                new double[] {430, 286, 254, 110}),
                        PressureLevels.SPINE_THUMB_KPA, 0.2, CRISP_S,
                        "thumb drifts medially onto the spine mid-slide (mistake)");
            } else {
                left = Stroke.of(LEFT, Tool.THUMB, t, t + 2.5, Path.line(-45, 430, -45, 110), THUMB_SLIDE_KPA, 0.2,
                        "thumb slide up beside the spine (left)");
            }
            b.add(left);
            if (both) {
                b.add(Stroke.of(RIGHT, Tool.THUMB, t, t + 2.5, Path.line(45, 430, 45, 110), THUMB_SLIDE_KPA, 0.2,
                        "thumb slide up beside the spine (right)"));
            }
            b.advance(3.0);
        }
    }

    /** Firm sustained thumb pressure with small circles on one spot for five seconds. */
    private static void triggerPoint(Script.Builder b) {
        double t = b.now();
        b.add(new Stroke(LEFT, Tool.THUMB, t, t + 6.0, Path.circles(-62, 200, -62, 200, 3, 6, true),
                new double[] {0, 0.5, 5.5, 6.0}, new double[] {0, TRIGGER_POINT_KPA, TRIGGER_POINT_KPA, 0}, 0, 0, 0,
                "five-second trigger-point hold, left mid back"));
        b.advance(6.5);
    }

    /** Gentle kneading of the upper trapezius with the heels of both hands. */
    private static void kneading(Script.Builder b, boolean left, boolean right) {
        double t = b.now();
        if (left) {
            b.add(Stroke.of(LEFT, Tool.PALM_HEEL, t, t + 8, Path.circles(-140, 32, -140, 32, 6, 8, true), KNEAD_KPA,
                    0.4, "kneading the left shoulder").modulated(KNEAD_DEPTH, 1.0));
        }
        if (right) {
            b.add(Stroke.of(RIGHT, Tool.PALM_HEEL, t, t + 8, Path.circles(140, 32, 140, 32, 6, 8, true), KNEAD_KPA,
                    0.4, "kneading the right shoulder").modulated(KNEAD_DEPTH, 1.0));
        }
        b.advance(8.5);
    }

    /**
     * Too much pressure on each shoulder with the heel of the hand, right then left (with the receiver's "too much"
     * on the right). The heel, not a thumb: a 2 cm thumb is smaller than a mat cell, whose reading is the mean
     * over its area, so a coarse mat cannot show a thumb's peak (the glove scenario has the thumb version).
     */
    private static void overpressure(Script.Builder b, boolean marker, boolean left) {
        double t = b.now();
        b.add(Stroke.keyed(RIGHT, Tool.PALM_HEEL, t, Path.still(140, 32),
                "heel of the hand presses far too hard on the right upper trapezius (mistake)",
                0, 0, 0.3, 30, 1.0, 30, 1.06, PressureLevels.OVERPRESSURE_HEEL_KPA, 3.56,
                PressureLevels.OVERPRESSURE_HEEL_KPA, 3.62, 30, 3.9, 30, 4.2, 0));
        if (marker) {
            b.marker(t + 1.6, Payloads.Marker.TOO_MUCH, "too much", BackGeometry.SHOULDER_R,
                    "receiver presses \"too much\" during the right-shoulder overpressure");
        }
        b.advance(4.7);
        if (left) {
            t = b.now();
            b.add(Stroke.keyed(LEFT, Tool.PALM_HEEL, t, Path.still(-140, 32),
                    "heel of the hand leans far too hard on the left upper trapezius (mistake)",
                    0, 0, 0.3, 30, 0.8, 30, 0.86, PressureLevels.OVERPRESSURE_LEAN_KPA, 2.86,
                    PressureLevels.OVERPRESSURE_LEAN_KPA, 2.92, 30, 3.2, 30, 3.5, 0));
            b.advance(4.0);
        }
    }

    /** Pressure on the shoulder blades: palm circles on the right one, a thumb slide running onto the left one. */
    private static void scapulaMistakes(Script.Builder b) {
        double t = b.now();
        b.add(Stroke.of(RIGHT, Tool.PALM_HEEL, t, t + 4, Path.circles(120, 150, 120, 150, 12, 2, true),
                PressureLevels.SCAPULA_PALM_KPA, CRISP_S, "palm circles on the right shoulder blade (mistake)"));
        b.advance(4.5);
        t = b.now();
        b.add(Stroke.of(LEFT, Tool.THUMB, t, t + 2.5, Path.line(-110, 300, -110, 120), THUMB_SLIDE_KPA, 0.2, CRISP_S,
                "thumb slide runs up onto the left shoulder blade (mistake)"));
        b.advance(3.0);
    }

    private static void sacrumMistake(Script.Builder b) {
        double t = b.now();
        b.add(Stroke.of(RIGHT, Tool.PALM_HEEL, t, t + 3, Path.circles(0, 525, 0, 525, 8, 1.5, true),
                PressureLevels.SACRUM_PALM_KPA, CRISP_S, "heel of the hand circles on the sacrum (mistake)"));
        b.advance(3.5);
    }

    /** Knuckles from mid-back down toward the hips, beside the spine. */
    private static void knuckles(Script.Builder b, int reps, boolean left, boolean right) {
        for (int i = 0; i < reps; i++) {
            double t = b.now();
            if (left) {
                b.add(Stroke.of(LEFT, Tool.KNUCKLES, t, t + 3, Path.line(-50, 260, -50, 400), KNUCKLE_KPA, 0.3,
                        "knuckles down the left side toward the hip"));
            }
            if (right) {
                b.add(Stroke.of(RIGHT, Tool.KNUCKLES, t, t + 3, Path.line(50, 260, 50, 400), KNUCKLE_KPA, 0.3,
                        "knuckles down the right side toward the hip"));
            }
            b.advance(3.5);
        }
    }

    /** Finishing: hands on the sides of the lower back moving back and forth. */
    private static void finishing(Script.Builder b, boolean left, boolean right) {
        double t = b.now();
        if (left) {
            b.add(Stroke.of(LEFT, Tool.PALM_HEEL, t, t + 6, Path.oscillate(-108, 370, 20, 0, 1.0), FINISH_KPA, 0.4,
                    "finishing: left lower-back side, back and forth"));
        }
        if (right) {
            b.add(Stroke.of(RIGHT, Tool.PALM_HEEL, t, t + 6, Path.oscillate(108, 370, 20, 0, 1.0), FINISH_KPA, 0.4,
                    "finishing: right lower-back side, back and forth"));
        }
        b.advance(6.5);
    }
}
