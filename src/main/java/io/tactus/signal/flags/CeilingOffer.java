package io.tactus.signal.flags;

import io.tactus.signal.body.BodyRegion;

/**
 * What the receiver's "too much" marker suggests: their ceiling for the region under the hands at that moment.
 * The app asks whether to keep it ({@link PersonalLimits#accept}) and saves it with
 * {@link io.tactus.signal.store.PersonalLimitsStore}.
 *
 * @param deviceTimeUs when the marker came
 * @param region       region with the highest pressure at that moment
 * @param kpa          its peak pressure then
 */
public record CeilingOffer(long deviceTimeUs, BodyRegion region, double kpa) {
}
