package io.tactus.device.sim;

/**
 * Every pressure the scenarios apply and every threshold the ground truth uses, in kPa (peak of a contact's
 * dome). Clean technique stays well below the excess thresholds, scripted mistakes go well above them, so a
 * detector whose hard maximum sits anywhere in the gap scores the same events (docs/SIMULATOR.md).
 *
 * <p>Sources: pressure-pain thresholds on the trapezius of healthy adults 88-574 kPa; therapists' deep friction
 * massage 100-410 kPa (mean ~230 kPa) (issue 3). "Gentle" 10-40 kPa and "firm" 50-120 kPa are this simulator's
 * working bands, starting guesses consistent with those figures.
 */
public final class PressureLevels {

    public static final double GENTLE_MIN_KPA = 10;
    public static final double GENTLE_MAX_KPA = 40;
    public static final double FIRM_MIN_KPA = 50;
    public static final double FIRM_MAX_KPA = 120;

    // Clean routine (peak of the dome).
    public static final double EFFLEURAGE_KPA = 25;
    public static final double PALM_CIRCLE_KPA = 30;
    public static final double THUMB_SLIDE_KPA = 60;
    public static final double TRIGGER_POINT_KPA = 90;
    /** Shoulder kneading: 28 kPa modulated +-35 % at 1 Hz, so 18..38 kPa: gentle, as the guidance asks. */
    public static final double KNEAD_KPA = 28;
    public static final double KNEAD_DEPTH = 0.35;
    public static final double KNUCKLE_KPA = 45;
    public static final double FINISH_KPA = 20;

    /** Highest true pressure clean technique puts on a shoulder, and on any other back muscle. */
    public static final double CLEAN_MAX_SHOULDER_KPA = 40;
    public static final double CLEAN_MAX_BACK_KPA = 95;

    // Scripted mistakes.
    public static final double OVERPRESSURE_HEEL_KPA = 220;
    public static final double OVERPRESSURE_LEAN_KPA = 240;
    /** Glove only: a thumb taxel reads the thumb's own pressure; a mat cell would average it away. */
    public static final double OVERPRESSURE_THUMB_KPA = 260;
    /** A thumb slide that lands on the spine presses a little harder than beside it: the bone does not yield. */
    public static final double SPINE_THUMB_KPA = 80;
    public static final double SCAPULA_PALM_KPA = PALM_CIRCLE_KPA;
    public static final double SACRUM_PALM_KPA = PALM_CIRCLE_KPA;

    // Ground-truth thresholds (true, noise-free pressure at a cell centre / glove taxel).
    /** Spine and bone contact: the true pressure in the region exceeds this. */
    public static final double CONTACT_KPA = 5;
    /** Excess on a shoulder (upper trapezius, the most sensitive part of the back). */
    public static final double EXCESS_SHOULDER_KPA = 150;
    /** Excess on thoracic and lumbar muscles. No scenario scripts one; clean work stays below 95 kPa. */
    public static final double EXCESS_BACK_KPA = 250;

    private PressureLevels() {
    }
}
