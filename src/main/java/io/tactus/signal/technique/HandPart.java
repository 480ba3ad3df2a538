package io.tactus.signal.technique;

/**
 * What part of the hand a movement was made with, told by the contact's area on the mat: a thumb or fingertips
 * (the guidance's thumb slides and trigger-point holds) against the palm or heel of the hand (effleurage, palm
 * circles). Knuckles, between the two in area, are not told apart: a routine step asks for a part only where the
 * guidance names one.
 */
public enum HandPart {
    THUMB("thumb"),
    PALM("palm");

    /**
     * A contact smaller than this is a thumb or fingertips. Measured on the simulator's tools (docs/SIGNAL.md,
     * "Hand part"): a thumb reads 440-1,080 mm2 on 32 x 32 and 64 x 64 mats, the heel of the hand 2,440-3,620, a
     * flat hand more.
     */
    public static final double THUMB_MAX_MM2 = 1600;

    private final String id;

    HandPart(String id) {
        this.id = id;
    }

    /** The JSON word, also the routine file's. */
    public String id() {
        return id;
    }

    /** The part a contact of this area is, or null when the area is not known (a glove). */
    public static HandPart of(double contactMm2) {
        if (Double.isNaN(contactMm2)) {
            return null;
        }
        return contactMm2 < THUMB_MAX_MM2 ? THUMB : PALM;
    }
}
