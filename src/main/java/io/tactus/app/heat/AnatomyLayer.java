package io.tactus.app.heat;

import io.tactus.render.BackAnatomy;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.StrokeLineCap;

/** The back illustration under the heatmap, in JavaFX paths, styled as {@link BackAnatomy.Kind} says. */
public final class AnatomyLayer extends Group {

    /** Replaces the drawing with {@code anatomy}'s figures (null: none). */
    public void show(BackAnatomy anatomy) {
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
            BackAnatomy.Kind k = f.kind();
            p.setFill(f.closed() && k.fillArgb() != 0 ? argb(k.fillArgb()) : null);
            p.setStroke(argb(k.strokeArgb()));
            p.setStrokeWidth(k.strokeWidth());
            if (k.dash() != null) {
                p.getStrokeDashArray().setAll(k.dash()[0], k.dash()[1]);
            }
            getChildren().add(p);
        }
    }

    /** A colour from packed ARGB (the headless layer's colours). */
    public static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
    }
}
