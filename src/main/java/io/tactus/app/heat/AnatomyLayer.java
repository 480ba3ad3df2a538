package io.tactus.app.heat;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.StrokeLineCap;

/** The back illustration under the heatmap: bone in a light fill with a darker edge, lines for the rest. */
final class AnatomyLayer extends Group {

    /** Replaces the drawing with {@code anatomy}'s figures (null: none). */
    void show(BackAnatomy anatomy) {
        getChildren().clear();
        if (anatomy == null) {
            return;
        }
        for (BackAnatomy.Figure f : anatomy.figures()) {
            double[] xy = f.xy();
            Path p = new Path();
            p.getElements().add(new MoveTo(xy[0], xy[1]));
            for (int i = 2; i < xy.length; i += 2) {
                p.getElements().add(new LineTo(xy[i], xy[i + 1]));
            }
            if (f.closed()) {
                p.getElements().add(new ClosePath());
            }
            p.setStrokeLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
            p.setStrokeLineCap(StrokeLineCap.ROUND);
            switch (f.kind()) {
                case VERTEBRA, SACRUM, SCAPULA -> {
                    p.setFill(Color.web("#d3cabd"));
                    p.setStroke(Color.web("#8d8273"));
                    p.setStrokeWidth(2);
                }
                case SCAPULA_SPINE, ILIAC_CREST -> {
                    p.setFill(null);
                    p.setStroke(Color.web("#8d8273"));
                    p.setStrokeWidth(f.kind() == BackAnatomy.Kind.ILIAC_CREST ? 5 : 3);
                }
                case SHOULDER_LINE -> {
                    p.setFill(null);
                    p.setStroke(Color.web("#8d8273"));
                    p.setStrokeWidth(2);
                    p.getStrokeDashArray().setAll(3.0, 5.0);
                }
                case SPINE_BAND_EDGE -> {
                    p.setFill(null);
                    p.setStroke(Color.web("#b0a493"));
                    p.setStrokeWidth(1);
                }
            }
            getChildren().add(p);
        }
    }
}
