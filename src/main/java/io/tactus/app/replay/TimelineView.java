package io.tactus.app.replay;

import io.tactus.session.IntegrityReport;
import io.tactus.session.ReplayEngine;
import io.tactus.signal.flags.FlagType;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The recording's timeline: one lane per flag type (spine, bone, excess, receiver marker), notes as blue flags
 * above, the loop range shaded, data lost to file damage as hatched red bands, and the playhead. Press anywhere
 * to seek; drag to scrub (previews), and the exact frame follows when the mouse is released.
 */
public final class TimelineView extends Region {

    private static final double LANE = 12;
    private static final double TOP = 16;
    /** Lost-data bands (damaged records): the alert red of the flags, so damage is not mistaken for a pause. */
    private static final Color LOST = Color.web("#ff5252");
    private static final Color LOST_FILL = Color.color(1.0, 0.32, 0.32, 0.25);
    private final ReplayViewModel vm;
    private final Canvas canvas = new Canvas();
    private int flagsDrawn;

    public TimelineView(ReplayViewModel vm) {
        this.vm = vm;
        getStyleClass().add("timeline");
        setId("timeline");
        getChildren().add(canvas);
        setMinHeight(TOP + LANE * 4 + 8);
        setPrefHeight(TOP + LANE * 4 + 8);
        vm.positionUsProperty().addListener(o -> draw());
        vm.loopInUsProperty().addListener(o -> draw());
        vm.loopOutUsProperty().addListener(o -> draw());
        vm.documentProperty().addListener(o -> draw());
        vm.events().addListener((ListChangeListener<TimelineEvent>) c -> draw());
        vm.notes().addListener((ListChangeListener<Note>) c -> draw());
        vm.lostSpans().addListener((ListChangeListener<IntegrityReport.LostSpan>) c -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            vm.playingProperty().set(false);
            vm.seekFraction(e.getX() / Math.max(1, canvas.getWidth()));
        });
        // dragging shows fast previews; letting go settles on the exact frame
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> vm.scrubFraction(e.getX() / Math.max(1, canvas.getWidth())));
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> vm.endScrub());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        flagsDrawn = 0;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#11161a"));
        g.fillRect(0, 0, w, h);
        ReplayEngine d = vm.documentProperty().get();
        if (d == null || w <= 0) {
            return;
        }
        double span = Math.max(1, d.endUs() - d.startUs());
        if (vm.loopInUsProperty().get() >= 0) {
            double a = x(vm.loopInUsProperty().get(), d, span, w);
            double b = vm.loopOutUsProperty().get() > 0 ? x(vm.loopOutUsProperty().get(), d, span, w) : a + 2;
            g.setFill(Color.color(0.31, 0.76, 0.97, 0.18));
            g.fillRect(a, 0, Math.max(2, b - a), h);
        }
        // Data lost to damage in the file: a hatched red band across every lane (at least 3 px wide).
        for (IntegrityReport.LostSpan lost : vm.lostSpans()) {
            double a = x(lost.fromUs(), d, span, w);
            double b = Math.max(a + 3, x(lost.toUs(), d, span, w));
            g.setFill(LOST_FILL);
            g.fillRect(a, TOP, b - a, LANE * 4);
            g.save();
            g.beginPath();
            g.rect(a, TOP, b - a, LANE * 4);
            g.clip();
            g.setStroke(LOST);
            for (double hx = a - LANE * 4; hx < b; hx += 5) {
                g.strokeLine(hx, TOP + LANE * 4, hx + LANE * 4, TOP);
            }
            g.restore();
        }
        g.setStroke(Color.web("#2b3640"));
        for (int lane = 0; lane <= 4; lane++) {
            g.strokeLine(0, TOP + lane * LANE, w, TOP + lane * LANE);
        }
        for (TimelineEvent e : vm.events()) {
            flagsDrawn++;
            double a = x(e.startUs(), d, span, w);
            double b = x(e.endUs() < 0 ? d.endUs() : e.endUs(), d, span, w);
            double y = TOP + EventColors.lane(e.type()) * LANE + 1;
            g.setFill(EventColors.of(e.type()));
            if (e.type() == FlagType.MARKER) {
                g.fillPolygon(new double[] {a - 5, a + 5, a}, new double[] {y, y, y + LANE - 2}, 3);
            } else {
                g.fillRect(a, y, Math.max(3, b - a), LANE - 2);
            }
        }
        g.setFill(EventColors.NOTE);
        for (Note n : vm.notes()) {
            double a = x(n.timeUs(), d, span, w);
            g.fillRect(a - 1, 0, 2, TOP);
            g.fillPolygon(new double[] {a, a + 9, a}, new double[] {0, 4, 8}, 3);
        }
        double p = x(vm.positionUsProperty().get(), d, span, w);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeLine(p, 0, p, h);
        g.setLineWidth(1);
    }

    /** Flags and markers in the last drawing of the lanes. */
    public int flagsDrawn() {
        return flagsDrawn;
    }

    private static double x(long us, ReplayEngine d, double span, double w) {
        return (us - d.startUs()) / span * w;
    }
}
