package io.tactus.app.heat;

import io.tactus.render.Interpolation;
import io.tactus.render.ColorMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.Profile;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** How heatmaps are drawn; one instance shared by the live and replay views and bound to the settings. */
public final class DisplayOptions {

    /**
     * Colour-scale ceiling: above Gentle's hard maxima for the shoulders (88 kPa), so the 10-40 kPa working band
     * uses the lower half of the scale and stays visible; anything harder saturates to the top colour. Lives with
     * the scale, so settings depend on heat and never the reverse.
     */
    public static final double DEFAULT_SCALE_MAX_KPA = 100;

    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(ColorMap.VIRIDIS);
    private final ObjectProperty<Interpolation> interpolation = new SimpleObjectProperty<>(Interpolation.BILINEAR);
    private final DoubleProperty scaleMaxKpa = new SimpleDoubleProperty(DEFAULT_SCALE_MAX_KPA);
    /** True when the scale follows the profile (settings "auto"), false for a fixed top. */
    private final javafx.beans.property.BooleanProperty scaleAuto = new javafx.beans.property.SimpleBooleanProperty(true);
    /** The working target band and hard maximum marked on the legend (null = none), in kPa. */
    private final ObjectProperty<double[]> legendBand = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty contour = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty trails = new javafx.beans.property.SimpleBooleanProperty(true);

    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public ObjectProperty<Interpolation> interpolationProperty() {
        return interpolation;
    }

    /**
     * [target min, target max, hard max, lowest hard max] of the working regions (see {@link #workingBand}), marked
     * on the legend; null for none.
     */
    public ObjectProperty<double[]> legendBandProperty() {
        return legendBand;
    }

    /** Draw the contact contour (iso-line at the contact level). */
    public javafx.beans.property.BooleanProperty contourProperty() {
        return contour;
    }

    /** Draw each hand's centre-of-pressure trail (last 2 s). */
    public javafx.beans.property.BooleanProperty trailsProperty() {
        return trails;
    }

    public DoubleProperty scaleMaxKpaProperty() {
        return scaleMaxKpa;
    }

    /** True when {@link #scaleMaxKpaProperty} was chosen from the profile (auto), false when the user fixed it. */
    public javafx.beans.property.BooleanProperty scaleAutoProperty() {
        return scaleAuto;
    }

    /**
     * [target min, target max, hard max] of a profile's mid-back band (the main working region), then the lowest
     * hard maximum of any region (the shoulders' is lower in every built-in profile: Gentle 88 kPa against the
     * mid back's 150, and the banner says "limit 88 kPa" there), then the target of the other working regions whose
     * target differs from the mid back's [lowest min, highest max] (NaN, NaN when none does) and 1 when those are
     * exactly the two shoulders (else 0); or null. The legend shows all of it ({@link #targetText}), so neither its
     * hard maximum nor its target is a number that does not hold for a region on the map.
     */
    public static double[] workingBand(Profile p) {
        Band b = p.band(BodyRegion.THORACIC_L);
        if (b == null) {
            return null;
        }
        double lowest = b.hardMaxOrInfinity();
        double otherMin = Double.NaN;
        double otherMax = Double.NaN;
        java.util.Set<BodyRegion> differ = java.util.EnumSet.noneOf(BodyRegion.class);
        for (java.util.Map.Entry<BodyRegion, Band> e : p.bandsByRegion().entrySet()) {
            Band other = e.getValue();
            lowest = Math.min(lowest, other.hardMaxOrInfinity());
            boolean working = other.targetMax() > 0; // the spine and the bones have no target: never pressed
            if (working && (other.targetMin() != b.targetMin() || other.targetMax() != b.targetMax())) {
                differ.add(e.getKey());
                otherMin = Double.isNaN(otherMin) ? other.targetMin() : Math.min(otherMin, other.targetMin());
                otherMax = Double.isNaN(otherMax) ? other.targetMax() : Math.max(otherMax, other.targetMax());
            }
        }
        boolean shoulders = differ.equals(java.util.EnumSet.of(BodyRegion.SHOULDER_L, BodyRegion.SHOULDER_R));
        return new double[] {b.targetMin(), b.targetMax(), b.hardMaxOrInfinity(), lowest, otherMin, otherMax,
            shoulders ? 1 : 0};
    }

    /**
     * The legend's target line(s) for a {@link #workingBand}: "Target 10-40" when every working region shares it;
     * else the mid back's and the others' on two lines ("Target 100-250 back" / "Shoulders 40-100": Deep tissue's
     * shoulders stop at 150 kPa, so the back's 100-250 alone would lead a trainee past their limit).
     */
    public static String targetText(double[] b) {
        String back = String.format(java.util.Locale.ROOT, "%.0f-%.0f", b[0], b[1]);
        if (b.length < 7 || Double.isNaN(b[4])) {
            return "Target " + back;
        }
        String other = String.format(java.util.Locale.ROOT, "%.0f-%.0f", b[4], b[5]);
        return b[6] == 1 ? "Target " + back + " back\nShoulders " + other
                : "Target " + back + " mid back\nOther regions " + other;
    }

    /**
     * The top of an auto scale for a working band: twice the band's centre rounded up to 10 kPa, so the band sits
     * mid-scale ({@link #DEFAULT_SCALE_MAX_KPA} without a band).
     */
    public static double autoScaleMaxKpa(double[] band) {
        return band == null ? DEFAULT_SCALE_MAX_KPA : Math.max(20, Math.ceil((band[0] + band[1]) / 10) * 10);
    }
}
