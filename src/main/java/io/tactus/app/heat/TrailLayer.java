package io.tactus.app.heat;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** Each contact's centre-of-pressure trail over the heatmap, one polyline per contact, reused frame to frame. */
final class TrailLayer extends Group {

    /** One colour per contact: white and black read on every colour map and on the back. */
    private static final String[] COLOURS = {"#ffffff", "#000000", "#ff9100", "#00e5ff"};

    void show(List<double[]> polylines) {
        while (getChildren().size() < polylines.size()) {
            Polyline p = new Polyline();
            p.setStroke(Color.web(COLOURS[getChildren().size() % COLOURS.length]));
            p.setStrokeWidth(4);
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            p.setStrokeLineJoin(StrokeLineJoin.ROUND);
            p.setOpacity(0.9);
            getChildren().add(p);
        }
        for (int i = 0; i < getChildren().size(); i++) {
            Polyline p = (Polyline) getChildren().get(i);
            if (i < polylines.size()) {
                double[] xy = polylines.get(i);
                Double[] boxed = new Double[xy.length];
                for (int k = 0; k < xy.length; k++) {
                    boxed[k] = xy[k];
                }
                p.getPoints().setAll(boxed);
                p.setVisible(true);
            } else {
                p.setVisible(false);
            }
        }
    }

    int shown() {
        return (int) getChildren().stream().filter(Node::isVisible).count();
    }
}
