package io.tactus.app.live;

import io.tactus.app.fx.FrameTimer;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.heat.HeatmapView;
import io.tactus.app.heat.LegendView;
import io.tactus.device.SourceState;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The trainee's screen: alert banner on top, heatmap over the back with its colour legend in the middle,
 * per-region gauges (left and right side by side) on the right, status bar at the bottom. One AnimationTimer
 * pulls from the view model once per pulse and draws; nothing here touches a device or a file.
 */
public final class LiveView extends BorderPane {


    private final LiveViewModel vm;
    private final DisplayOptions display;
    private final HeatmapView heatmap = new HeatmapView();
    private final GloveView gloveView = new GloveView();
    private javafx.beans.binding.DoubleBinding heatWidth;
    private final Map<BodyRegion, GaugeView> gauges = new EnumMap<>(BodyRegion.class);
    private final StackPane banner = new StackPane();
    private final Label markerChip = new Label();
    private final FrameTimer frameTimer = new FrameTimer(2048);
    private final AnimationTimer timer;

    public LiveView(LiveViewModel vm, DisplayOptions display) {
        this(vm, display, () -> vm.coach().start(null));
    }

    /** {@code loadRoutine}: asks for a routine file and starts it (the routine panel's Load button). */
    public LiveView(LiveViewModel vm, DisplayOptions display, Runnable loadRoutine) {
        this.vm = vm;
        this.display = display;
        getStyleClass().add("live-view");
        setTop(buildBanner());
        setCenter(buildCenter());
        setRight(buildGauges());
        setLeft(new RoutinePanel(vm.coach(), loadRoutine, vm.feedProperty().isNotNull()));
        setBottom(buildStatusBar());
        vm.stateProperty().addListener((o, a, s) -> placeholder(s));
        display.colorMapProperty().addListener(o -> redraw());
        display.interpolationProperty().addListener(o -> redraw());
        display.scaleMaxKpaProperty().addListener(o -> redraw());
        vm.bannerProperty().addListener((o, a, b) -> showBanner(b));
        vm.drawing().anatomyProperty().addListener((o, a, an) -> heatmap.setAnatomy(an));
        display.contourProperty().addListener(o -> redraw());
        timer = new AnimationTimer() {
            @Override
            public void handle(long pulseStart) {
                // The time this handler runs, not the pulse's start: a frame that arrived between the two must
                // not read as a negative alert latency.
                pulse(System.nanoTime());
            }
        };
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    /** One pulse: pull, draw if there is a new frame, flash the alert. Public for the benchmark. */
    public void pulse(long now) {
        long t0 = System.nanoTime();
        boolean fresh = vm.pulse(now);
        if (fresh) {
            draw(vm.frame());
        }
        boolean flash = HeatmapView.flashPhase(now);
        heatmap.showAlerts(vm.alertRegions(), flash);
        heatmap.setStale(vm.frame() != null && !vm.live());
        gloveView.setStale(vm.frame() != null && !vm.live());
        if (vm.alertActiveProperty().get()) {
            banner.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("flash"), flash);
        }
        if (fresh) {
            frameTimer.add(System.nanoTime() - t0);
        }
    }

    private void redraw() {
        if (vm.frame() != null) {
            draw(vm.frame());
        }
    }

    private void draw(FrameSnapshot s) {
        boolean glove = s.rows() == 1;
        glove(glove);
        if (glove) {
            FrameFeed f = vm.feedProperty().get();
            gloveView.draw(s, f == null ? null : f.descriptor(), (float) display.scaleMaxKpaProperty().get(),
                    display.colorMapProperty().get(), System.nanoTime());
            return;
        }
        LiveDrawing d = vm.drawing();
        heatmap.drawOnBack(s, d.backProperty().get(), vm.layoutProperty().get(), d.trailPolylines(), display);
    }

    /**
     * Words in place of the map while there is no frame to show. Once a frame was drawn, a source that stops
     * (a scenario or a recording that ended, a device that failed) leaves its last picture greyed out, as when
     * frames pause, with the banner saying why: "No device connected" would deny the device in the status bar.
     */
    private void placeholder(SourceState s) {
        if (vm.frame() == null) {
            heatmap.showPlaceholder(switch (s) {
                case CONNECTING -> "Connecting...";
                case RECONNECTING -> "Device lost: reconnecting...";
                case FAILED -> "Could not connect (see status bar)";
                case CONNECTED -> "Waiting for the first frame...";
                case STOPPED -> vm.feedProperty().get() == null ? "No device connected" : "The source stopped";
            });
        }
    }

    private StackPane buildBanner() {
        Label title = new Label();
        title.setId("bannerTitle");
        title.getStyleClass().add("alert-title");
        title.textProperty().bind(vm.bannerTitleProperty());
        Label detail = new Label();
        detail.setId("bannerDetail");
        detail.getStyleClass().add("alert-detail");
        detail.textProperty().bind(vm.bannerDetailProperty());
        detail.setWrapText(true);
        VBox text = new VBox(2, title, detail);
        text.setAlignment(Pos.CENTER_LEFT);
        banner.getChildren().add(text);
        banner.getStyleClass().add("alert-banner");
        banner.setId("alertBanner");
        showBanner(vm.bannerProperty().get());
        return banner;
    }

    /**
     * One style class per banner state: red for an alert, amber for no data, grey when not connected (never the OK
     * green: nothing is measured), calm green only for OK.
     */
    private void showBanner(LiveViewModel.Banner b) {
        banner.getStyleClass().removeAll("alert-on", "no-data", "not-connected");
        getStyleClass().removeAll("alerting");
        if (b == LiveViewModel.Banner.ALERT) {
            banner.getStyleClass().add("alert-on");
            getStyleClass().add("alerting");
        } else if (b == LiveViewModel.Banner.NO_DATA) {
            banner.getStyleClass().add("no-data");
        } else if (b == LiveViewModel.Banner.NOT_CONNECTED) {
            banner.getStyleClass().add("not-connected");
        }
    }

    private HBox buildCenter() {
        LegendView legend = new LegendView(display.colorMapProperty(), display.scaleMaxKpaProperty(), display.legendBandProperty());
        markerChip.getStyleClass().add("marker-chip");
        markerChip.textProperty().bind(vm.markerTextProperty());
        markerChip.visibleProperty().bind(vm.markerTextProperty().isNotEmpty());
        gloveView.setVisible(false);
        StackPane heat = new StackPane(heatmap, gloveView, markerChip);
        StackPane.setAlignment(markerChip, Pos.TOP_CENTER);
        StackPane.setMargin(markerChip, new Insets(12));
        HBox box = new HBox(10, heat, legend);
        box.setPadding(new Insets(10));
        box.setAlignment(Pos.CENTER);
        // The heatmap takes the width its proportions need at the available height, the legend sits beside it.
        heatWidth = box.heightProperty().subtract(20).multiply(heatmap.widthPerHeightProperty());
        heat.prefWidthProperty().bind(heatWidth);
        heat.setMinWidth(200);
        heat.maxWidthProperty().bind(heat.prefWidthProperty());
        HBox.setHgrow(heat, Priority.SOMETIMES);
        return box;
    }

    private VBox buildGauges() {
        GridPane grid = new GridPane();
        grid.setVgap(4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        Label left = new Label("LEFT");
        Label right = new Label("RIGHT");
        left.getStyleClass().add("side-title");
        right.getStyleClass().add("side-title");
        grid.add(left, 0, 0);
        GridPane.setMargin(right, new Insets(0, 0, 0, 4));
        grid.add(right, 1, 0);
        grid.add(gauge(BodyRegion.SPINE, "Spine (never press)"), 0, 1, 2, 1);
        BodyRegion[][] pairs = {
            {BodyRegion.SHOULDER_L, BodyRegion.SHOULDER_R},
            {BodyRegion.SCAPULA_L, BodyRegion.SCAPULA_R},
            {BodyRegion.THORACIC_L, BodyRegion.THORACIC_R},
            {BodyRegion.LUMBAR_L, BodyRegion.LUMBAR_R},
            {BodyRegion.ILIAC_L, BodyRegion.ILIAC_R},
        };
        int row = 2;
        for (BodyRegion[] p : pairs) {
            // The gap between the two columns is margins, not hgap: two 50 % columns plus an hgap are wider than
            // the grid, and the right column ran 4 px out of it (seen in the real window at 1920 x 1080).
            javafx.scene.Node l = gauge(p[0], io.tactus.signal.body.BodyMap.standard().shortName(p[0]));
            javafx.scene.Node r = gauge(p[1], io.tactus.signal.body.BodyMap.standard().shortName(p[1]));
            GridPane.setMargin(l, new Insets(0, 4, 0, 0));
            GridPane.setMargin(r, new Insets(0, 0, 0, 4));
            grid.add(l, 0, row);
            grid.add(r, 1, row);
            row++;
        }
        grid.add(gauge(BodyRegion.SACRUM, "Sacrum (bone)"), 0, row, 2, 1);
        Label hint = new Label();
        hint.getStyleClass().add("gauge-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE); // all its lines, never an ellipsis
        // "now": the gauges show the latest frame's highest pressure in each region; "peak" is kept for the
        // highest pressure an alert reached (banner after its cause ended, alert history).
        hint.setText("The highest pressure in each region now. Green: target band. Red mark: hard maximum.");
        Label title = new Label("Pressure now, by region");
        title.getStyleClass().add("panel-title");
        AlertHistoryView history = new AlertHistoryView(vm.alerts().history());
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox box = new VBox(6, title, grid, hint, history) {
            /**
             * 400 px, or wider when two gauges side by side need more (large fonts): the wrapped hint and the
             * history take the width they are given, the gauges' names and values must not be cut.
             */
            @Override
            protected double computePrefWidth(double height) {
                double pair = 0;
                for (BodyRegion[] p : pairs) {
                    pair = Math.max(pair, Math.max(gauges.get(p[0]).minWidth(-1), gauges.get(p[1]).minWidth(-1)));
                }
                return Math.max(400, snappedLeftInset() + 2 * (pair + 4) + snappedRightInset());
            }
        };
        box.setPadding(new Insets(10));
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getStyleClass().add("gauge-panel");
        return box;
    }

    private GaugeView gauge(BodyRegion r, String title) {
        GaugeView g = new GaugeView(vm.gauge(r), title, display.scaleMaxKpaProperty());
        g.setId("gauge-" + r.id());
        gauges.put(r, g);
        return g;
    }

    /**
     * The status bar: device, state, rate, link, calibration, recording, sound. It wraps onto a second line when its
     * texts are longer than the window (no audio device, a long port path): cutting them would hide what they say,
     * and keeping them on one line would widen the view past the screen and push the gauges off it.
     */
    private javafx.scene.layout.FlowPane buildStatusBar() {
        LiveStatus st = vm.status();
        Label device = status(st.deviceNameProperty(), "statusDevice");
        Label state = status(st.statusTextProperty(), "statusState");
        Label rate = status(st.rateTextProperty(), "statusRate");
        Label link = status(st.linkTextProperty(), "statusLink");
        Label cal = status(st.calibrationTextProperty(), "statusCalibration");
        Label rec = status(st.recordingTextProperty(), "statusRecording");
        Label sound = status(st.soundTextProperty(), "statusSound");
        state.getStyleClass().add("status-state");
        vm.stateProperty().addListener((o, a, s) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-"));
            state.getStyleClass().add("state-" + s.name().toLowerCase(java.util.Locale.ROOT));
        });
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 2, device, state, rate, link, cal,
                rec, sound);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Label status(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setId(id);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a field with nothing to say (no device: no rate, counters or calibration) takes no room
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Shows the glove's hand diagram instead of the mat heatmap (and back). */
    private void glove(boolean on) {
        if (gloveView.isVisible() != on) {
            gloveView.setVisible(on);
            heatmap.setVisible(!on);
            StackPane heat = heat();
            heat.maxWidthProperty().unbind();
            heat.prefWidthProperty().unbind();
            if (on) {
                heat.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                heat.setMaxWidth(Double.MAX_VALUE);
            } else {
                heat.prefWidthProperty().bind(heatWidth);
                heat.maxWidthProperty().bind(heat.prefWidthProperty());
            }
        }
    }

    private StackPane heat() {
        return (StackPane) heatmap.getParent();
    }

    public GloveView gloveView() {
        return gloveView;
    }

    public HeatmapView heatmap() {
        return heatmap;
    }

    public FrameTimer frameTimer() {
        return frameTimer;
    }

    public LiveViewModel viewModel() {
        return vm;
    }
}
