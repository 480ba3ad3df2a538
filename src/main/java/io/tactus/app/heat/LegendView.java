package io.tactus.app.heat;

import io.tactus.render.ColorMap;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The colour scale in kPa: a vertical bar of the colour map with labelled ticks (top = the scale maximum), the
 * working target band marked beside it (green bracket) and the hard maximum (red line, or a note when it lies
 * above the scale). With the auto scale the band sits mid-scale.
 */
public final class LegendView extends VBox {

    private static final int TICKS = 5;
    private static final double BAR_W = 22;
    private final ImageView bar = new ImageView();
    private final Pane marks = new Pane();
    private final Rectangle band = new Rectangle();
    private final Line hardMax = new Line();
    private final Label bandLabel = new Label();
    private final Label hardLabel = new Label();
    private final VBox labels = new VBox();
    private final DoubleProperty maxKpa;
    private final ObjectProperty<double[]> bandKpa;

    /** A legend without band marks. */
    public LegendView(ObjectProperty<ColorMap> map, DoubleProperty maxKpa) {
        this(map, maxKpa, null);
    }

    public LegendView(ObjectProperty<ColorMap> map, DoubleProperty maxKpa, ObjectProperty<double[]> bandKpa) {
        this.maxKpa = maxKpa;
        this.bandKpa = bandKpa;
        getStyleClass().add("legend");
        setId("legend");
        Label title = new Label("kPa");
        title.getStyleClass().add("legend-title");
        bar.setFitWidth(BAR_W);
        bar.setPreserveRatio(false);
        band.setFill(Color.TRANSPARENT);
        band.setStroke(Color.web("#66bb6a"));
        band.setStrokeWidth(3);
        hardMax.setStroke(Color.web("#ff1744"));
        hardMax.setStrokeWidth(3);
        bandLabel.getStyleClass().add("legend-band");
        hardLabel.getStyleClass().add("legend-hard");
        hardLabel.setId("legendHardMax");
        bandLabel.setMinWidth(USE_PREF_SIZE);
        bandLabel.setMinHeight(USE_PREF_SIZE); // two lines when the regions' targets differ
        hardLabel.setMinWidth(USE_PREF_SIZE);
        hardLabel.setTooltip(new javafx.scene.control.Tooltip("The profile's hard maxima, lowest to highest (the"
                + " shoulders' is lower than the back's); each gauge's red mark is its region's own"));
        marks.getChildren().addAll(bar, band, hardMax);
        marks.setMinWidth(BAR_W + 8);
        marks.setPrefWidth(BAR_W + 8);
        labels.setAlignment(Pos.TOP_LEFT);
        HBox body = new HBox(6, marks, labels);
        getChildren().addAll(title, body, bandLabel, hardLabel);
        setSpacing(4);
        setAlignment(Pos.TOP_CENTER);
        heightProperty().addListener(o -> bar.setFitHeight(Math.max(60, getHeight() - 90)));
        bar.fitHeightProperty().addListener(o -> {
            labels.setSpacing(Math.max(0, (bar.getFitHeight() - TICKS * 18) / (TICKS - 1)));
            place();
        });
        map.addListener((o, a, m) -> paint(m));
        maxKpa.addListener((o, a, v) -> {
            ticks(v.doubleValue());
            place();
        });
        if (bandKpa != null) {
            bandKpa.addListener(o -> place());
        }
        paint(map.get());
        ticks(maxKpa.get());
        place();
    }

    private void paint(ColorMap m) {
        WritableImage img = new WritableImage(1, ColorMap.SIZE);
        int[] lut = m.lut();
        int[] column = new int[ColorMap.SIZE];
        for (int i = 0; i < ColorMap.SIZE; i++) {
            column[i] = lut[ColorMap.SIZE - 1 - i]; // top = high pressure
        }
        img.getPixelWriter().setPixels(0, 0, 1, ColorMap.SIZE, PixelFormat.getIntArgbInstance(), column, 0, 1);
        bar.setImage(img);
    }

    private void ticks(double max) {
        labels.getChildren().clear();
        for (int i = TICKS - 1; i >= 0; i--) {
            double v = max * i / (TICKS - 1);
            Label l = new Label(String.format(Locale.ROOT, i == TICKS - 1 ? "%.0f+" : "%.0f", v));
            l.getStyleClass().add("legend-tick");
            l.setMinHeight(18);
            l.setMinWidth(USE_PREF_SIZE);
            labels.getChildren().add(l);
        }
    }

    /** Puts the band bracket and the hard-maximum line at their pressures on the bar. */
    private void place() {
        double[] b = bandKpa == null ? null : bandKpa.get();
        double h = bar.getFitHeight();
        double max = Math.max(1e-6, maxKpa.get());
        boolean on = b != null && h > 0;
        band.setVisible(on);
        // the red line is the first hard maximum a region reaches (the shoulders' below the mid back's)
        double lowest = on && b.length > 3 ? b[3] : on ? b[2] : Double.NaN;
        hardMax.setVisible(on && lowest <= max);
        bandLabel.setVisible(on);
        hardLabel.setVisible(on);
        if (!on) {
            return;
        }
        double yMin = h * (1 - Math.min(1, b[0] / max));
        double yMax = h * (1 - Math.min(1, b[1] / max));
        band.setX(1.5);
        band.setWidth(BAR_W - 3);
        band.setY(yMax);
        band.setHeight(Math.max(2, yMin - yMax));
        double yHard = h * (1 - Math.min(1, lowest / max));
        hardMax.setStartX(0);
        hardMax.setEndX(BAR_W + 6);
        hardMax.setStartY(yHard);
        hardMax.setEndY(yHard);
        bandLabel.setText(DisplayOptions.targetText(b)); // regions' targets differ: both, named
        // regions differ (Gentle: shoulders 88, back 150): both ends, never one number that is wrong for some
        String value = Double.isInfinite(lowest) ? null : lowest < b[2]
                ? String.format(Locale.ROOT, Double.isInfinite(b[2]) ? "%.0f" : "%.0f-%.0f", lowest, b[2])
                : String.format(Locale.ROOT, "%.0f", b[2]);
        hardLabel.setText(value == null ? "No hard max"
                // beyond the scale's top there is no red line to see: say where it is ("(above)" said above what?)
                : "Hard max " + value + (lowest <= max ? "" : " (off scale)"));
    }
}
