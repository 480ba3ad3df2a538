package io.tactus.app.live;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * One region's gauge: a horizontal bar of the current pressure over the target band (green zone) and a red
 * mark at the hard maximum. Only binds to its {@link GaugeModel}.
 */
public final class GaugeView extends VBox {

    /** What a gauge says while frames do not arrive (not connected, device lost, stopped): the banner's words. */
    public static final String NO_DATA = "No data";

    /** The texts a gauge's value can be at its widest, measured bold (the weight of every zone but idle). */
    private static final String[] WIDEST = {NO_DATA, "888 kPa"};

    private final GaugeModel model;
    private final DoubleProperty scaleMax;
    private final Rectangle band = new Rectangle();
    private final Rectangle bar = new Rectangle();
    private final Line hardMax = new Line();
    private final Pane track = new Pane();
    private final Label value = new Label();

    public GaugeView(GaugeModel model, String title, DoubleProperty scaleMax) {
        this.model = model;
        this.scaleMax = scaleMax == null ? new SimpleDoubleProperty(200) : scaleMax;
        getStyleClass().add("gauge");
        Label name = new Label(title);
        name.getStyleClass().add("gauge-title");
        value.getStyleClass().add("gauge-value");
        // Never cut a region's name or its value: the panel is sized for both.
        name.setMinWidth(USE_PREF_SIZE);
        // The value's box is as wide as the widest thing it can say, whatever it says now: the gauge panel keeps
        // its width when "No data" or "203 kPa" replaces "0 kPa" (it once grew and cut the gauges off the window).
        value.setAlignment(Pos.BASELINE_RIGHT);
        value.fontProperty().addListener((o, a, f) -> fitValue(f));
        fitValue(value.getFont());
        HBox head = new HBox(6, name, new Pane(), value);
        HBox.setHgrow(head.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        head.setAlignment(Pos.BASELINE_LEFT);
        track.getStyleClass().add("gauge-track");
        track.setMinHeight(16);
        track.setPrefHeight(16);
        band.setFill(Color.web("#2e7d32", 0.55));
        hardMax.setStroke(Color.web("#ff1744"));
        hardMax.setStrokeWidth(3);
        track.getChildren().addAll(band, bar, hardMax);
        getChildren().addAll(head, track);
        value.setId("gauge-value");
        setSpacing(2);
        setPadding(new Insets(4, 6, 4, 6));
        track.widthProperty().addListener(o -> relayout());
        track.heightProperty().addListener(o -> relayout());
        model.kpaProperty().addListener(o -> relayout());
        model.bandProperty().addListener(o -> relayout());
        this.scaleMax.addListener(o -> relayout());
        model.zoneProperty().addListener((o, a, z) -> restyle(z));
        value.textProperty().bind(Bindings.createStringBinding(() -> text(model), model.kpaProperty(),
                model.zoneProperty()));
        restyle(model.zoneProperty().get());
        model.alertingProperty().addListener((o, a, on) -> markAlert(on));
    }

    private void fitValue(javafx.scene.text.Font f) {
        javafx.scene.text.Font bold = javafx.scene.text.Font.font(f.getFamily(),
                javafx.scene.text.FontWeight.BOLD, f.getSize());
        double w = 0;
        for (String s : WIDEST) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(s);
            t.setFont(bold);
            w = Math.max(w, Math.ceil(t.getLayoutBounds().getWidth()) + 2);
        }
        value.setMinWidth(w);
        value.setPrefWidth(w);
    }

    private void markAlert(boolean on) {
        getStyleClass().remove("gauge-alert");
        if (on) {
            getStyleClass().add("gauge-alert");
        }
    }

    /**
     * The value as the gauge writes it. No contact is a number ("0 kPa", muted), never a dash; no data is the
     * banner's own words ("No data"), never a number or a dash that could pass for one: a trainee must tell a hand
     * off the back from a device that sends nothing.
     */
    static String text(GaugeModel m) {
        if (m.zoneProperty().get() == GaugeModel.Zone.NO_DATA) {
            return NO_DATA;
        }
        return String.format(Locale.ROOT, "%.0f kPa", m.kpaProperty().get());
    }

    private void relayout() {
        double w = track.getWidth();
        double h = track.getHeight();
        double k = w / Math.max(1, scaleMax.get());
        bar.setX(0);
        bar.setY(h * 0.2);
        bar.setHeight(h * 0.6);
        bar.setWidth(Math.min(w, model.kpaProperty().get() * k));
        RegionBand b = model.bandProperty().get();
        band.setVisible(b != null);
        hardMax.setVisible(b != null);
        if (b != null) {
            band.setX(b.targetMin() * k);
            band.setWidth(Math.max(0, Math.min(w, b.targetMax() * k) - b.targetMin() * k));
            band.setY(0);
            band.setHeight(h);
            double x = Math.min(w - 1.5, b.hardMax() * k);
            hardMax.setStartX(x);
            hardMax.setEndX(x);
            hardMax.setStartY(0);
            hardMax.setEndY(h);
        }
    }

    private void restyle(GaugeModel.Zone z) {
        getStyleClass().removeIf(s -> s.startsWith("zone-"));
        getStyleClass().add("zone-" + z.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        bar.setFill(switch (z) {
            case IDLE -> Color.web("#607080");
            case BELOW -> Color.web("#64b5f6");
            case IN_BAND -> Color.web("#66bb6a");
            case ABOVE -> Color.web("#ffa726");
            case OVER_MAX -> Color.web("#ff1744");
            case NO_BAND -> Color.web("#b0bec5");
            case NO_DATA -> Color.TRANSPARENT;
        });
    }

    public GaugeModel model() {
        return model;
    }
}
