package io.tactus.app.live;

import io.tactus.app.heat.AnatomyLayer;
import io.tactus.render.BackAnatomy;
import io.tactus.render.CopTrails;
import io.tactus.render.ColorMap;
import io.tactus.app.heat.GloveLayout;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The glove's own view: a palm-side hand diagram with each taxel coloured by its pressure (and the number), and
 * the glove's pose trail over the back map with the region under the hand named. The same banner, gauges and
 * alerts apply (the core assigns the glove's cells to the region under the pose). Call {@link #draw} on the FX
 * thread.
 */
public final class GloveView extends HBox {

    private static final double HAND_W = 300;
    private static final double HAND_H = 380;
    private static final double BACK_W = 200;
    private static final double BACK_H = 300;

    private final Pane hand = new Pane();
    private final Pane back = new Pane();
    private final Polyline trail = new Polyline();
    private final Circle pose = new Circle(7, Color.web("#ff9100"));
    private final Label under = new Label("Under the hand: -");
    private final List<Circle> taxels = new ArrayList<>();
    private final List<Text> values = new ArrayList<>();
    private final CopTrails trails = new CopTrails();
    private double[] matMm = {400, 600};
    private DeviceDescriptor drawnFor;

    public GloveView() {
        setId("gloveView");
        setSpacing(24);
        setPadding(new Insets(12));
        setAlignment(Pos.CENTER);
        hand.setPrefSize(HAND_W, HAND_H);
        hand.setMinSize(HAND_W, HAND_H);
        back.setPrefSize(BACK_W, BACK_H);
        back.setMinSize(BACK_W, BACK_H);
        back.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                AnatomyLayer.argb(BackAnatomy.GROUND_ARGB), null, null)));
        trail.setStroke(Color.web("#ff9100"));
        trail.setStrokeWidth(3);
        under.setId("gloveRegion");
        under.setWrapText(true);
        under.setMaxWidth(BACK_W + 60);
        under.setMinHeight(USE_PREF_SIZE);
        Label handTitle = new Label("Glove: kPa per taxel");
        handTitle.getStyleClass().add("panel-title");
        handTitle.setMinWidth(USE_PREF_SIZE);
        Label backTitle = new Label("Hand on the back");
        backTitle.getStyleClass().add("panel-title");
        backTitle.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(new VBox(6, handTitle, hand), new VBox(6, backTitle, back, under));
        drawBack();
    }

    /** Draws a glove frame: taxel colours on the scale, the pose on the back map. */
    public void draw(FrameSnapshot s, DeviceDescriptor d, float maxKpa, ColorMap map, long nowNanos) {
        if (d != drawnFor || taxels.size() != s.cols()) {
            drawnFor = d;
            buildHand(GloveLayout.of(d, s.cols()));
        }
        float[] kpa = s.kpa();
        for (int i = 0; i < taxels.size() && i < kpa.length; i++) {
            double v = kpa[i];
            taxels.get(i).setFill(v > 0.5 ? Color.web(hex(map.argb(v / maxKpa))) : Color.web("#3a444d"));
            values.get(i).setText(v > 0.5 ? String.format(Locale.ROOT, "%.0f", v) : "");
        }
        trails.add(0, nowNanos, s.copXmm(), s.copYmm());
        trails.expire(nowNanos);
        double kx = BACK_W / matMm[0];
        double ky = BACK_H / matMm[1];
        List<double[]> lines = trails.polylines(kx, ky);
        List<Double> pts = new ArrayList<>();
        if (!lines.isEmpty()) {
            for (double p : lines.get(0)) {
                pts.add(p);
            }
        }
        trail.getPoints().setAll(pts);
        boolean placed = !Double.isNaN(s.copXmm()) && !Double.isNaN(s.copYmm());
        pose.setVisible(placed);
        if (placed) {
            pose.setCenterX(s.copXmm() * kx);
            pose.setCenterY(s.copYmm() * ky);
            BodyRegion r = BodyMap.standard().regionAt(s.copXmm() - matMm[0] / 2, s.copYmm());
            under.setText("Under the hand: " + (r == null ? "off the back" : BodyMap.standard().displayName(r)));
        } else {
            under.setText("Under the hand: no position from the glove");
        }
    }

    /** How many taxels are drawn (for tests). */
    public int taxelCount() {
        return taxels.size();
    }

    public String regionText() {
        return under.getText();
    }

    private void buildHand(GloveLayout l) {
        hand.getChildren().clear();
        taxels.clear();
        values.clear();
        // palm-side outline: palm, four fingers, thumb (a right hand has its thumb on the left seen from the palm)
        Rectangle palm = new Rectangle(0.24 * HAND_W, 0.36 * HAND_H, 0.66 * HAND_W, 0.58 * HAND_H);
        palm.setArcWidth(60);
        palm.setArcHeight(60);
        hand.getChildren().add(palm);
        for (int f = 0; f < 4; f++) {
            double x = (0.25 + f * 0.165) * HAND_W;
            Rectangle finger = new Rectangle(x, 0.0, 0.13 * HAND_W, 0.44 * HAND_H);
            finger.setArcWidth(36);
            finger.setArcHeight(36);
            hand.getChildren().add(finger);
        }
        Path thumb = new Path(new MoveTo(0.26 * HAND_W, 0.72 * HAND_H), new LineTo(0.02 * HAND_W, 0.45 * HAND_H),
                new LineTo(0.10 * HAND_W, 0.36 * HAND_H), new LineTo(0.30 * HAND_W, 0.52 * HAND_H));
        thumb.setStrokeWidth(34);
        thumb.setStroke(Color.web("#2b333a"));
        thumb.setStrokeLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        thumb.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        hand.getChildren().add(0, thumb);
        hand.getChildren().forEach(n -> {
            if (n instanceof Rectangle r) {
                r.setFill(Color.web("#2b333a"));
                r.setStroke(Color.web("#55616c"));
            }
        });
        for (int i = 0; i < l.x().length; i++) {
            Circle c = new Circle(l.x()[i] * HAND_W, l.y()[i] * HAND_H, 13, Color.web("#3a444d"));
            c.setStroke(Color.web("#90a4ae"));
            Text t = new Text();
            t.setFill(Color.WHITE);
            t.setX(c.getCenterX() - 8);
            t.setY(c.getCenterY() + 30);
            taxels.add(c);
            values.add(t);
            hand.getChildren().addAll(c, t);
        }
    }

    private void drawBack() {
        BackAnatomy a = BackAnatomy.of(BodyMap.standard(), Registration.centred(matMm[0]), matMm[0],
                BACK_W / matMm[0], BACK_H / matMm[1]);
        AnatomyLayer layer = new AnatomyLayer();
        layer.show(a);
        back.getChildren().add(layer);
        back.getChildren().addAll(trail, pose);
    }

    private static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }
}
