package io.tactus.app.live;

import io.tactus.app.heat.AnatomyLayer;
import io.tactus.render.BackAnatomy;
import io.tactus.render.CopTrails;
import io.tactus.render.ColorMap;
import io.tactus.app.heat.GloveLayout;
import io.tactus.app.heat.RegionLayout;
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
 * alerts apply (the core assigns the glove's cells to the region under the pose). The drawing is made at one
 * size and scaled to fit the space it gets (a 1366 x 768 screen to a large one), so nothing is cut and it does
 * not sit small in a big window. Call {@link #draw} on the FX thread.
 */
public final class GloveView extends javafx.scene.layout.Region {

    /** Largest enlargement: beyond it the taxel numbers and outlines look coarse. */
    private static final double MAX_SCALE = 1.8;

    private static final double HAND_W = 300;
    private static final double HAND_H = 380;
    private static final double BACK_W = 200;
    private static final double BACK_H = 300;

    private final Pane hand = new Pane();
    private final Pane back = new Pane();
    private final Polyline trail = new Polyline();
    private final Circle pose = new Circle(7, Color.web("#ff9100"));
    private final Label under = new Label("Under the hand: -");
    /** Which hand, seen from the palm (the diagram is a mirror image of the back of one's own hand). */
    private final Label handTitle = new Label("Glove (palm side), kPa");
    /** The outline of the region under the hand on the back map. */
    private final Path underOutline = new Path();
    /** The standard body map's regions on a 10 mm grid of the back map, for {@link #underOutline}. */
    private RegionLayout backRegions;
    private BodyRegion outlined;
    private final List<Circle> taxels = new ArrayList<>();
    private final List<Text> values = new ArrayList<>();
    private final CopTrails trails = new CopTrails();
    private double[] matMm = {400, 600};
    private DeviceDescriptor drawnFor;

    private final HBox content = new HBox(24);

    public GloveView() {
        setId("gloveView");
        content.setPadding(new Insets(12));
        content.setAlignment(Pos.CENTER);
        getChildren().add(content);
        setMinSize(0, 0);
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
        handTitle.setId("gloveHand");
        handTitle.getStyleClass().add("panel-title");
        handTitle.setMinWidth(USE_PREF_SIZE);
        Label backTitle = new Label("Hand on the back");
        backTitle.getStyleClass().add("panel-title");
        backTitle.setMinWidth(USE_PREF_SIZE);
        content.getChildren().addAll(new VBox(6, handTitle, hand), new VBox(6, backTitle, back, under));
        drawBack();
    }

    /** The drawing at its own size, scaled to fit and centred (a scale acts around the node's centre). */
    @Override
    protected void layoutChildren() {
        double pw = content.prefWidth(-1);
        double ph = content.prefHeight(-1);
        content.resize(pw, ph);
        double s = Math.min(MAX_SCALE, Math.min(getWidth() / pw, getHeight() / ph));
        content.setScaleX(s);
        content.setScaleY(s);
        content.relocate((getWidth() - pw) / 2, (getHeight() - ph) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1);
    }

    /** How much the drawing is enlarged (below 1: reduced) to fit. */
    public double scale() {
        return content.getScaleX();
    }

    /** Draws a glove frame: taxel colours on the scale, the pose on the back map. */
    public void draw(FrameSnapshot s, DeviceDescriptor d, float maxKpa, ColorMap map, long nowNanos) {
        if (d != drawnFor || taxels.size() != s.cols()) {
            drawnFor = d;
            buildHand(GloveLayout.of(d, s.cols()));
            handTitle.setText(handTitle(d));
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
            outline(r);
        } else {
            under.setText("Under the hand: no position from the glove");
            outline(null);
        }
    }

    private final javafx.scene.effect.ColorAdjust greyed = new javafx.scene.effect.ColorAdjust(0, -1, -0.35, 0);
    private boolean stale;

    /**
     * Frames stopped: the drawing greys out like the mat's heatmap and the taxels' numbers and the region under the
     * hand are taken away (they would be the last frame's, shown as if measured). The next frame restores them.
     */
    public void setStale(boolean on) {
        if (on == stale) {
            return;
        }
        stale = on;
        content.setEffect(on ? greyed : null);
        values.forEach(t -> t.setVisible(!on));
        if (on) {
            under.setText("Under the hand: no data");
        }
    }

    public boolean stale() {
        return stale;
    }

    /** How many taxels show a number (for tests). */
    public long numbersShown() {
        return values.stream().filter(t -> t.isVisible() && !t.getText().isEmpty()).count();
    }

    /** Outlines {@code r} (null: none) on the back map. */
    private void outline(BodyRegion r) {
        if (r == outlined) {
            return;
        }
        outlined = r;
        underOutline.getElements().setAll(r == null ? new javafx.scene.shape.PathElement[0]
                : io.tactus.app.heat.RegionPaths.edgeElements(backRegions, r, BACK_W / backRegions.cols()));
    }

    /** The region outlined on the back map as the one under the hand (null: none). */
    public BodyRegion outlinedRegion() {
        return outlined;
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
        // palm-side outline: palm, four fingers, thumb (a right hand has its thumb on the left seen from the palm;
        // a left glove is mirrored, like its taxels)
        Rectangle palm = new Rectangle(l.side(0.24) * HAND_W - (l.left() ? 0.66 * HAND_W : 0), 0.36 * HAND_H,
                0.66 * HAND_W, 0.58 * HAND_H);
        palm.setArcWidth(60);
        palm.setArcHeight(60);
        hand.getChildren().add(palm);
        for (int f = 0; f < 4; f++) {
            double x = l.side(0.25 + f * 0.165) * HAND_W - (l.left() ? 0.13 * HAND_W : 0);
            Rectangle finger = new Rectangle(x, 0.0, 0.13 * HAND_W, 0.44 * HAND_H);
            finger.setArcWidth(36);
            finger.setArcHeight(36);
            hand.getChildren().add(finger);
        }
        // the thumb passes over its tip and pad taxels (GloveLayout: 0.06, 0.42 and 0.14, 0.60) and stays inside
        Path thumb = new Path(new MoveTo(l.side(0.26) * HAND_W, 0.72 * HAND_H),
                new LineTo(l.side(0.07) * HAND_W, 0.47 * HAND_H), new LineTo(l.side(0.12) * HAND_W, 0.37 * HAND_H),
                new LineTo(l.side(0.30) * HAND_W, 0.52 * HAND_H));
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
        int cols = (int) Math.round(matMm[0] / 10);
        int rows = (int) Math.round(matMm[1] / 10);
        BodyRegion[] cells = new BodyRegion[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = BodyMap.standard().regionAt((c + 0.5) * 10 - matMm[0] / 2, (r + 0.5) * 10);
            }
        }
        backRegions = new RegionLayout(rows, cols, cells, "standard body map");
        underOutline.setStroke(Color.web("#ff9100"));
        underOutline.setStrokeWidth(2);
        back.getChildren().addAll(underOutline, trail, pose);
    }

    /** "Right glove (palm side), kPa" from the HELLO's taxels; "Glove (palm side), kPa" when it does not say. */
    static String handTitle(DeviceDescriptor d) {
        String hand = d == null || d.taxels() == null || d.taxels().isEmpty() ? null : d.taxels().get(0).hand();
        String who = "left".equalsIgnoreCase(hand) ? "Left glove" : "right".equalsIgnoreCase(hand) ? "Right glove"
                : "Glove";
        return who + " (palm side), kPa";
    }

    /** The hand diagram's title (for tests). */
    public String handTitle() {
        return handTitle.getText();
    }

    private static String hex(int argb) {
        return String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF);
    }
}
