package io.tactus.signal.technique;

import io.tactus.signal.body.BodyRegion;

/**
 * One pressing part of a hand (a palm, a thumb, a fist) followed across frames: the same id for as long as it
 * stays on the mat. Immutable copy for the UI (the tracker itself keeps preallocated arrays).
 *
 * @param id       stable id, unique within the session (1, 2, ...)
 * @param xMm      force-weighted centre, mat mm from the head-end left corner
 * @param yMm      mat mm
 * @param bodyXmm  body mm from the midline (negative = receiver's left)
 * @param bodyYmm  body mm below the shoulder line
 * @param peakKpa  highest cell
 * @param forceN   total force of its cells
 * @param cells    loaded cells
 * @param region   region at its centre (null = off the back)
 * @param side     side at its centre
 * @param sinceUs  device time it was first seen
 */
public record TrackedContact(int id, double xMm, double yMm, double bodyXmm, double bodyYmm, double peakKpa,
                             double forceN, int cells, BodyRegion region, BodyRegion.Side side, long sinceUs) {
}
