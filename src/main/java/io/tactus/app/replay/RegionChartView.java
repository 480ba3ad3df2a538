package io.tactus.app.replay;

import io.tactus.session.RegionSeries;
import io.tactus.session.ReplayEngine;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;

/**
 * Pressure over time for one pair of regions (receiver's left in blue, right in orange: distinguishable with
 * red-green colour blindness), flags shaded behind, aligned with the timeline. The curves are drawn once per
 * recording / size change; only the playhead line moves while playing. Click to seek.
 */
public final class RegionChartView extends javafx.scene.layout.Region {

    private static final Color LEFT = Color.web("#4fc3f7");
    private static final Color RIGHT = Color.web("#ffb74d");
    private final ReplayViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Line playhead = new Line();
    private BodyRegion left = BodyRegion.LUMBAR_L;
    private BodyRegion right = BodyRegion.LUMBAR_R;
    private int pointsDrawn;

    public RegionChartView(ReplayViewModel vm) {
        this.vm = vm;
        setId("regionChart");
        getChildren().addAll(canvas, playhead);
        playhead.setStroke(Color.WHITE);
        playhead.setStrokeWidth(2);
        playhead.setMouseTransparent(true);
        setMinHeight(90);
        setPrefHeight(150);
        vm.documentProperty().addListener(o -> draw());
        vm.seriesProperty().addListener(o -> draw());
        vm.events().addListener((ListChangeListener<TimelineEvent>) c -> draw());
        vm.positionUsProperty().addListener(o -> movePlayhead());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            vm.playingProperty().set(false);
            vm.seekFraction(e.getX() / Math.max(1, canvas.getWidth()));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.scrubFraction(e.getX() / Math.max(1, canvas.getWidth())));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endScrub());
    }

    /** Points of the curves in the last drawing (0: nothing to draw yet). */
    public int pointsDrawn() {
        return pointsDrawn;
    }

    /** Shows a left/right pair (or one midline region: pass it twice). */
    public void show(BodyRegion l, BodyRegion r) {
        left = l;
        right = r;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void movePlayhead() {
        ReplayEngine d = vm.documentProperty().get();
        if (d == null) {
            playhead.setVisible(false);
            return;
        }
        double span = Math.max(1, d.endUs() - d.startUs());
        double x = (vm.positionUsProperty().get() - d.startUs()) / span * canvas.getWidth();
        playhead.setVisible(true);
        playhead.setStartX(x);
        playhead.setEndX(x);
        playhead.setStartY(0);
        playhead.setEndY(canvas.getHeight());
    }

    private void draw() {
        pointsDrawn = 0;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#161b20"));
        g.fillRect(0, 0, w, h);
        ReplayEngine d = vm.documentProperty().get();
        movePlayhead();
        if (d == null || w <= 0) {
            return;
        }
        RegionSeries s = vm.seriesProperty().get();
        double span = Math.max(1, d.endUs() - d.startUs());
        for (TimelineEvent e : vm.events()) {
            if (e.type() == FlagType.MARKER || (e.region() != left && e.region() != right)) {
                continue;
            }
            double a = (e.startUs() - d.startUs()) / span * w;
            double b = ((e.endUs() < 0 ? d.endUs() : e.endUs()) - d.startUs()) / span * w;
            g.setFill(EventColors.of(e.type()).deriveColor(0, 1, 1, 0.25));
            g.fillRect(a, 0, Math.max(2, b - a), h);
        }
        float max = 10;
        for (int i = 0; s != null && i < s.size(); i++) {
            max = (float) Math.max(max, Math.max(s.peakKpa(left, i), s.peakKpa(right, i)));
        }
        max *= 1.1f;
        g.setStroke(Color.web("#2b3640"));
        g.setFill(Color.web("#90a4ae"));
        g.setFont(Font.font(11));
        for (int i = 1; i <= 3; i++) {
            double y = h - h * i / 4.0;
            g.strokeLine(0, y, w, y);
            g.fillText(String.format(Locale.ROOT, "%.0f kPa", max * i / 4.0), 4, y - 2);
        }
        if (s == null) {
            return; // the scan has not published yet: flags and curves follow
        }
        pointsDrawn = s.size();
        plot(g, s, left, LEFT, d, span, w, h, max);
        if (right != left) {
            plot(g, s, right, RIGHT, d, span, w, h, max);
        }
        g.setFill(LEFT);
        g.fillText(io.tactus.signal.body.BodyMap.standard().displayName(left), w - 220, 14);
        if (right != left) {
            g.setFill(RIGHT);
            g.fillText(io.tactus.signal.body.BodyMap.standard().displayName(right), w - 110, 14);
        }
    }

    private static void plot(GraphicsContext g, RegionSeries s, BodyRegion r, Color c, ReplayEngine d, double span,
                             double w, double h, float max) {
        if (s.size() == 0) {
            return;
        }
        g.setStroke(c);
        g.setLineWidth(1.6);
        g.beginPath();
        for (int i = 0; i < s.size(); i++) {
            double x = (s.startUs() + s.timeS(i) * 1e6 - d.startUs()) / span * w;
            double y = h - s.peakKpa(r, i) / max * h;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineWidth(1);
    }
}
