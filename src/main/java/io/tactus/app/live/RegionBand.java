package io.tactus.app.live;

/** A region's target band and hard maximum in kPa, as the gauges draw them. */
public record RegionBand(double targetMin, double targetMax, double hardMax) {
}
