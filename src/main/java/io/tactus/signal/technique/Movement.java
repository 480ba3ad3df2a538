package io.tactus.signal.technique;

import io.tactus.signal.body.BodyRegion;

/**
 * One movement of one tracked contact, measured from that contact alone (not from the combined centre of
 * pressure). Immutable; made once, when the movement ends.
 *
 * @param contact   id of the tracked contact that made it ({@link TrackedContact#id()})
 * @param type      stroke, circle or hold
 * @param direction stroke: up / down / outward / inward; circle: clockwise / counterclockwise; hold: null
 * @param side      side of the receiver's back at the movement's mean position (MID = on the midline band)
 * @param region    body-map region at the movement's mean position, null when off the back
 * @param startUs   device time of the first frame of the movement
 * @param endUs     device time of its last frame
 * @param lengthMm  stroke: straight distance start to end; circle: path length of the turn; hold: 0
 * @param radiusMm  circle: mean radius; otherwise 0
 * @param meanKpa   mean over the movement's frames of the contact's peak cell pressure (bands use peaks too)
 * @param peakKpa   highest peak cell pressure of the contact during the movement
 * @param contactMm2 the contact's area on the mat (its cells' area, force-weighted mean over its frames so far), NaN
 *                  for a glove (its taxels sit under the hand, whatever touches)
 */
public record Movement(int contact, MovementType type, Direction direction, BodyRegion.Side side, BodyRegion region,
                       long startUs, long endUs, double lengthMm, double radiusMm, double meanKpa, double peakKpa,
                       double contactMm2) {

    /** The same movement credited to another contact id (ids made unique across a session's segments). */
    public Movement withContact(int id) {
        return new Movement(id, type, direction, side, region, startUs, endUs, lengthMm, radiusMm, meanKpa, peakKpa,
                contactMm2);
    }

    /** What part of the hand made it, from the contact's area; null for a glove. */
    public HandPart handPart() {
        return HandPart.of(contactMm2);
    }

    public double durationS() {
        return (endUs - startUs) / 1e6;
    }

    /** Mean speed along the movement, mm/s (0 for a hold or a zero-length movement). */
    public double speedMmS() {
        double s = durationS();
        return s > 0 ? lengthMm / s : 0;
    }

    /** "left", "right" or "centre" (the JSON word for the side). */
    public static String sideId(BodyRegion.Side side) {
        if (side == null) {
            return null;
        }
        return switch (side) {
            case LEFT -> "left";
            case RIGHT -> "right";
            case MID -> "centre";
        };
    }
}
