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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The colour scale in kPa: a vertical bar of the colour map with five labelled ticks, top = the scale maximum. */
public final class LegendView extends VBox {

    private static final int TICKS = 5;
    private final ImageView bar = new ImageView();
    private final VBox labels = new VBox();

    public LegendView(ObjectProperty<ColorMap> map, DoubleProperty maxKpa) {
        getStyleClass().add("legend");
        Label title = new Label("kPa");
        title.getStyleClass().add("legend-title");
        bar.setFitWidth(22);
        bar.setPreserveRatio(false);
        labels.setAlignment(Pos.TOP_LEFT);
        StackPane barBox = new StackPane(bar);
        HBox body = new HBox(6, barBox, labels);
        getChildren().addAll(title, body);
        setSpacing(4);
        setAlignment(Pos.TOP_CENTER);
        heightProperty().addListener(o -> bar.setFitHeight(Math.max(60, getHeight() - 40)));
        bar.fitHeightProperty().addListener(o -> labels.setSpacing(
                Math.max(0, (bar.getFitHeight() - TICKS * 18) / (TICKS - 1))));
        map.addListener((o, a, m) -> paint(m));
        maxKpa.addListener((o, a, v) -> ticks(v.doubleValue()));
        paint(map.get());
        ticks(maxKpa.get());
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
            labels.getChildren().add(l);
        }
    }
}
