package io.tactus.app.heat;

import io.tactus.render.Interpolation;
import io.tactus.render.ColorMap;
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

    /** [target min, target max, hard max] of the working regions, marked on the legend; null for none. */
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
}
