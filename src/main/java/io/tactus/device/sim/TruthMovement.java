package io.tactus.device.sim;

/**
 * One scripted movement of one hand, exactly as the script made it: what the technique detector is scored
 * against. Times are microseconds: relative to the scenario start in a {@link Script}, device time (clock start
 * added) from {@link ScenarioStream#movementTruth()}.
 *
 * <p>Definitions (the same as the signal core's, docs/SIGNAL.md "Technique"): a <b>stroke</b> lasts while its
 * tool presses at least {@link #LEVEL_KPA} at its peak; its length is the straight distance the working point
 * covers meanwhile; direction up / down (toward the head / feet) or outward / inward (away from / toward the
 * midline) by the dominant component. A <b>circle</b> is one revolution of a circles path (its share of the
 * stroke's time), clockwise as seen from above with the head at the top, radius as scripted. A <b>hold</b> lasts
 * while a still (or tiny-circling, radius below 10 mm) tool presses at least {@link #LEVEL_KPA}.
 *
 * @param type      stroke, circle or hold
 * @param direction up / down / outward / inward / clockwise / counterclockwise; null for a hold
 * @param side      left / right / centre (the receiver's), from the movement's mean position
 * @param region    {@link BackGeometry} region at the movement's mean position (null off the back)
 * @param lengthMm  stroke: straight length; circle: circumference; hold: 0
 * @param radiusMm  circle radius, else 0
 * @param hand      the practitioner's hand that made it
 * @param tool      the part of the hand: {@link Tool} in lower case (flat_hand, palm_heel, thumb, knuckles)
 */
public record TruthMovement(String type, String direction, String side, String region, long startUs, long endUs,
                            double lengthMm, double radiusMm, String hand, String tool, String note) {

    /** The contact level of the signal core's default profile (Gentle): a movement lasts while pressed above it. */
    public static final double LEVEL_KPA = 5;

    public TruthMovement shifted(long us) {
        return new TruthMovement(type, direction, side, region, startUs + us, endUs + us, lengthMm, radiusMm, hand,
                tool, note);
    }

    public double durationS() {
        return (endUs - startUs) / 1e6;
    }
}
