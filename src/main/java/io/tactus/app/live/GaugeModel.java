package io.tactus.app.live;

import io.tactus.signal.body.BodyRegion;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One region's gauge: current pressure (region peak, kPa), its band, whether an alert names this region, and
 * NO_DATA when frames stopped (a stale number must never look like a live one).
 */
public final class GaugeModel {

    /** Where the current value sits against the band. */
    public enum Zone { IDLE, BELOW, IN_BAND, ABOVE, OVER_MAX, NO_BAND, NO_DATA }

    private final BodyRegion region;
    private final DoubleProperty kpa = new SimpleDoubleProperty(0);
    private final ObjectProperty<RegionBand> band = new SimpleObjectProperty<>();
    /** No data until the first frame: before a device is connected nothing is measured, not "no contact". */
    private final ObjectProperty<Zone> zone = new SimpleObjectProperty<>(Zone.NO_DATA);
    private final BooleanProperty alerting = new SimpleBooleanProperty(false);

    public GaugeModel(BodyRegion region) {
        this.region = region;
    }

    public BodyRegion region() {
        return region;
    }

    public DoubleProperty kpaProperty() {
        return kpa;
    }

    public ObjectProperty<RegionBand> bandProperty() {
        return band;
    }

    public ObjectProperty<Zone> zoneProperty() {
        return zone;
    }

    /** True while an alert about this region shows in the banner. */
    public BooleanProperty alertingProperty() {
        return alerting;
    }

    /** Frames stopped: no value is known. */
    void noData() {
        kpa.set(0);
        zone.set(Zone.NO_DATA);
    }

    void update(double value, double idleBelowKpa) {
        kpa.set(value);
        zone.set(classify(value, band.get(), idleBelowKpa));
    }

    static Zone classify(double v, RegionBand b, double idleBelowKpa) {
        if (v < idleBelowKpa) {
            return Zone.IDLE;
        }
        if (b == null) {
            return Zone.NO_BAND;
        }
        if (v > b.hardMax()) {
            return Zone.OVER_MAX;
        }
        if (v > b.targetMax()) {
            return Zone.ABOVE;
        }
        return v < b.targetMin() ? Zone.BELOW : Zone.IN_BAND;
    }
}
