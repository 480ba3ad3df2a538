package io.tactus.app.replay;

import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.heat.HeatmapView;
import io.tactus.app.heat.LegendView;
import io.tactus.app.heat.RegionLayout;
import io.tactus.app.live.CoachView;
import io.tactus.render.BackDrawing;
import io.tactus.session.ReplayEngine;
import io.tactus.session.ReplayFrame;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Profile;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The instructor's replay screen: heatmap at the playhead (and a second one when comparing), notes on the
 * right, pressure-over-time chart and timeline below, transport controls at the bottom. Drop a recording
 * anywhere on it to open it.
 */
public final class ReplayView extends BorderPane {

    private final ReplayViewModel vm;
    private final DisplayOptions display;
    /** What this view draws with: the shared options, with the scale and band of the recording's profile. */
    private final DisplayOptions shown = new DisplayOptions();
    /** The profile of the frame at the playhead (null: no recording, or a frame before the core started). */
    private Profile shownProfile;
    private final HeatmapView heatmap = new HeatmapView();
    private final HeatmapView compareHeatmap = new HeatmapView();
    private final ListView<Note> notes;
    private final RegionChartView chart;
    private final AnimationTimer timer;
    private boolean dirty;
    private boolean compareDirty;
    private Set<BodyRegion> outlined = Set.of();
    private Set<BodyRegion> compareOutlined = Set.of();

    /**
     * @param toolbar the Open / Recent / Compare / Export controls, built by the app controller
     * @param onDrop  called with a dropped recording file
     */
    public ReplayView(ReplayViewModel vm, DisplayOptions display, javafx.scene.Node toolbar, Consumer<File> onDrop) {
        this.vm = vm;
        this.display = display;
        shown.colorMapProperty().bind(display.colorMapProperty());
        shown.interpolationProperty().bind(display.interpolationProperty());
        shown.contourProperty().bind(display.contourProperty());
        shown.trailsProperty().bind(display.trailsProperty());
        display.scaleMaxKpaProperty().addListener(o -> showScale());
        display.scaleAutoProperty().addListener(o -> showScale());
        display.legendBandProperty().addListener(o -> showScale());
        showScale();
        this.notes = new ListView<>(vm.notes());
        this.chart = new RegionChartView(vm);
        getStyleClass().add("replay-view");
        setTop(toolbar);
        setCenter(center());
        setLeft(routinePanel());
        setRight(notesPanel());
        setBottom(bottom());
        heatmap.showPlaceholder(ReplayViewModel.OPEN_HINT);
        compareHeatmap.showPlaceholder("");
        vm.drawnFrameProperty().addListener(o -> dirty = true);
        vm.compareDrawnFrameProperty().addListener(o -> compareDirty = true);
        vm.events().addListener((javafx.collections.ListChangeListener<TimelineEvent>) c -> dirty = true);
        shown.contourProperty().addListener(o -> dirty = compareDirty = true);
        shown.trailsProperty().addListener(o -> dirty = compareDirty = true);
        shown.colorMapProperty().addListener(o -> dirty = compareDirty = true);
        shown.interpolationProperty().addListener(o -> dirty = compareDirty = true);
        shown.scaleMaxKpaProperty().addListener(o -> dirty = compareDirty = true);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                onDrop.accept(files.get(0));
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
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

    /** One pulse: advance the playhead, draw the newest decoded frames, flash the flagged regions' outlines. */
    public void pulse(long now) {
        vm.pulse(now);
        if (dirty) {
            dirty = false;
            ReplayFrame f = vm.drawnFrameProperty().get();
            Profile p = f == null ? null : f.profile();
            if (!java.util.Objects.equals(p, shownProfile)) {
                shownProfile = p;
                showScale();
            }
            draw(heatmap, f, mainLayout);
            outlined = FlagOutlines.at(f == null ? null : f.snapshot(), vm.events());
        }
        if (compareDirty) {
            compareDirty = false;
            ReplayFrame f = vm.compareDrawnFrameProperty().get();
            draw(compareHeatmap, f, compareLayout);
            compareOutlined = FlagOutlines.at(f == null ? null : f.snapshot(), List.of());
        }
        boolean flash = HeatmapView.flashPhase(now);
        heatmap.showAlerts(outlined, flash);
        compareHeatmap.showAlerts(compareOutlined, flash);
    }

    /**
     * Draws a replayed frame as the live view drew it: over the back of the core's drawing at that frame (body map
     * and registration as recorded), contour and trails of the 2 s before it (the pulse outlines flagged regions).
     */
    private void draw(HeatmapView view, ReplayFrame f, LayoutCache layouts) {
        if (f == null) {
            return;
        }
        FrameSnapshot s = f.snapshot();
        if (f.drawing() == null) {
            view.showPlaceholder("Glove recording: " + s.cols() + " taxels");
            return;
        }
        view.drawOnBack(s, f.drawing(), layouts.of(f.drawing()), f.trails(), shown);
    }

    /**
     * The scale and the legend's band of the recording's profile (as the core judged the frame at the playhead),
     * not the profile chosen in today's settings: a deep-tissue session replays on deep tissue's scale. A fixed
     * scale in the settings stays fixed; with no recording open the view shows the settings' profile. The second
     * recording of a comparison is drawn on the same scale, so the two compare.
     */
    private void showScale() {
        double[] band = shownProfile == null ? display.legendBandProperty().get()
                : DisplayOptions.workingBand(shownProfile);
        shown.legendBandProperty().set(band);
        shown.scaleMaxKpaProperty().set(shownProfile != null && display.scaleAutoProperty().get()
                ? DisplayOptions.autoScaleMaxKpa(band) : display.scaleMaxKpaProperty().get());
    }

    private final LayoutCache mainLayout = new LayoutCache();
    private final LayoutCache compareLayout = new LayoutCache();

    /** The region layout of the core's cell map, rebuilt only when the drawing changes (a trace, another mat). */
    private static final class LayoutCache {
        private BackDrawing from;
        private RegionLayout layout;

        RegionLayout of(BackDrawing d) {
            if (d != from) {
                from = d;
                layout = new RegionLayout(d.rows(), d.cols(), d.cellRegions(), "body map");
            }
            return layout;
        }
    }

    private VBox center() {
        LegendView legend = new LegendView(shown.colorMapProperty(), shown.scaleMaxKpaProperty(),
                shown.legendBandProperty());
        Label mainTitle = new Label();
        mainTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.documentProperty().get() == null ? ""
                : vm.titleProperty().get(), vm.titleProperty(), vm.documentProperty()));
        Label compareTitle = new Label();
        compareTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.compareProperty().get() == null ? ""
                : "Compared (right): " + RecordingTitle.of(vm.compareProperty().get()), vm.compareProperty()));
        for (Label l : new Label[] {mainTitle, compareTitle}) {
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
        }
        compareTitle.visibleProperty().bind(vm.compareProperty().isNotNull());
        compareTitle.managedProperty().bind(compareTitle.visibleProperty());
        compareHeatmap.visibleProperty().bind(vm.compareProperty().isNotNull());
        compareHeatmap.managedProperty().bind(compareHeatmap.visibleProperty());
        // As in the live view: each map takes the width its proportions need at the available height, and the
        // legend sits right beside the maps.
        HBox maps = new HBox(10, heatmap, compareHeatmap, legend);
        maps.setAlignment(Pos.CENTER);
        for (HeatmapView h : new HeatmapView[] {heatmap, compareHeatmap}) {
            // before a recording is open the map is a wide placeholder text ("Open a recording: ...")
            h.prefWidthProperty().bind(Bindings.when(vm.documentProperty().isNull()).then(4000.0)
                    .otherwise(maps.heightProperty().multiply(h.widthPerHeightProperty())));
            h.maxWidthProperty().bind(h.prefWidthProperty());
            h.setMinWidth(200);
            HBox.setHgrow(h, Priority.SOMETIMES);
        }
        VBox box = new VBox(4, mainTitle, compareTitle, maps);
        VBox.setVgrow(maps, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * The guided routine at the playhead, left of the heatmap as in the live view, the live panel's widget showing
     * what the trainee's panel showed then: the step, its count, the feedback on the last movement finished before
     * the playhead, the left/right balance, and every step's mark. Hidden when the recording's core tracked no
     * technique and ran no routine. Scrolls rather than push the transport off a small screen.
     */
    private ScrollPane routinePanel() {
        Label title = new Label("Guided routine");
        title.getStyleClass().add("panel-title");
        VBox box = new VBox(6, title, new CoachView(vm.coach().display(), "replay"));
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("replayRoutine");
        scroll.getStyleClass().add("routine-panel");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(260);
        scroll.setPrefWidth(300);
        scroll.setMaxWidth(340);
        scroll.visibleProperty().bind(vm.coach().shownProperty());
        scroll.managedProperty().bind(scroll.visibleProperty());
        return scroll;
    }

    private VBox notesPanel() {
        Label title = new Label("Notes");
        title.getStyleClass().add("panel-title");
        notes.setId("notesList");
        notes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Note n, boolean empty) {
                super.updateItem(n, empty);
                ReplayEngine d = vm.documentProperty().get();
                setText(empty || n == null ? null
                        : PlaybackClock.format(n.timeUs() - (d == null ? 0 : d.startUs())) + "  " + n.text());
            }
        });
        notes.setOnMouseClicked(e -> {
            Note n = notes.getSelectionModel().getSelectedItem();
            if (n != null && e.getClickCount() == 1) {
                vm.seek(n.timeUs());
            } else if (n != null && e.getClickCount() == 2) {
                edit(n);
            }
        });
        Button add = new Button("Add note (A)");
        add.setId("addNote");
        add.setOnAction(e -> addNote());
        Button edit = new Button("Edit");
        edit.setOnAction(e -> {
            Note n = notes.getSelectionModel().getSelectedItem();
            if (n != null) {
                edit(n);
            }
        });
        Button delete = new Button("Delete");
        delete.setId("deleteNote");
        delete.setOnAction(e -> {
            Note n = notes.getSelectionModel().getSelectedItem();
            if (n != null) {
                vm.deleteNote(n);
            }
        });
        // An empty list says why it is empty and how to fill it.
        Label noNotes = new Label();
        noNotes.setWrapText(true);
        noNotes.getStyleClass().add("hint");
        noNotes.textProperty().bind(Bindings.when(vm.documentProperty().isNull())
                .then("The open recording's notes show here.")
                .otherwise("No notes yet: Add note (A) writes one at the playhead."));
        notes.setPlaceholder(noNotes);
        edit.disableProperty().bind(notes.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(notes.getSelectionModel().selectedItemProperty().isNull());
        add.disableProperty().bind(vm.documentProperty().isNull());
        // the flags' names of the status line and the report
        Label legend = new Label("Timeline lanes: spine contact (red), bone contact (orange), excess pressure "
                + "(purple), receiver marker (yellow); notes in blue.");
        legend.setWrapText(true);
        // A wrapped label in a VBox whose list grows gets only one line unless its minimum is its full height.
        legend.setMinHeight(Label.USE_PREF_SIZE);
        legend.getStyleClass().add("hint");
        VBox box = new VBox(6, title, notes, new HBox(6, add, edit, delete), legend);
        VBox.setVgrow(notes, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefWidth(300);
        return box;
    }

    /** Asks for a note and adds it at the playhead. */
    public void addNote() {
        if (vm.documentProperty().get() == null) {
            return;
        }
        vm.playingProperty().set(false);
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Add note");
        d.setHeaderText("Note at " + PlaybackClock.format(vm.positionUsProperty().get()
                - vm.documentProperty().get().startUs()));
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.showAndWait().ifPresent(vm::addNote);
    }

    private void edit(Note n) {
        TextInputDialog d = new TextInputDialog(n.text());
        d.setTitle("Edit note");
        d.setHeaderText("Note at " + PlaybackClock.format(n.timeUs() - vm.documentProperty().get().startUs()));
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.showAndWait().ifPresent(t -> vm.editNote(n, t));
    }

    private VBox bottom() {
        ComboBox<String> pair = new ComboBox<>();
        pair.getItems().addAll("Lower back", "Mid back", "Shoulder blades", "Shoulders", "Hip bones", "Spine",
                "Sacrum");
        pair.setValue("Lower back");
        pair.setId("chartRegions");
        pair.disableProperty().bind(vm.documentProperty().isNull()); // no chart to choose for
        pair.valueProperty().addListener((o, a, v) -> {
            switch (v) {
                case "Mid back" -> chart.show(BodyRegion.THORACIC_L, BodyRegion.THORACIC_R);
                case "Shoulder blades" -> chart.show(BodyRegion.SCAPULA_L, BodyRegion.SCAPULA_R);
                case "Shoulders" -> chart.show(BodyRegion.SHOULDER_L, BodyRegion.SHOULDER_R);
                case "Hip bones" -> chart.show(BodyRegion.ILIAC_L, BodyRegion.ILIAC_R);
                case "Spine" -> chart.show(BodyRegion.SPINE, BodyRegion.SPINE);
                case "Sacrum" -> chart.show(BodyRegion.SACRUM, BodyRegion.SACRUM);
                default -> chart.show(BodyRegion.LUMBAR_L, BodyRegion.LUMBAR_R);
            }
        });
        Label chartTitle = new Label("Peak pressure over time:");
        HBox chartBar = new HBox(8, chartTitle, pair);
        chartBar.setAlignment(Pos.CENTER_LEFT);

        Button prev = button("\u25c0\u25c0 Flag", "Previous flag (Shift+N)", vm::previousFlag, "prevFlag");
        Button back = button("\u25c0 Frame", "Step back one frame (,)", () -> vm.step(-1), "stepBack");
        ToggleButton play = new ToggleButton();
        play.setId("playButton");
        // U+25AE twice, not U+23F8: the desktop's default fonts (DejaVu) have no pause sign, and it showed as a box
        play.textProperty().bind(Bindings.when(vm.playingProperty()).then("\u25ae\u25ae Pause")
                .otherwise("\u25b6 Play"));
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.getStyleClass().add("big-button");
        Button fwd = button("Frame \u25b6", "Step forward one frame (.)", () -> vm.step(1), "stepForward");
        Button next = button("Flag \u25b6\u25b6", "Next flag (N)", vm::nextFlag, "nextFlag");
        ComboBox<Double> speed = new ComboBox<>();
        for (double s : ReplayViewModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : (d == Math.floor(d) ? String.format(Locale.ROOT, "%.0fx", d)
                        : String.format(Locale.ROOT, "%sx", d));
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", ""));
            }
        });
        speed.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                vm.speedProperty().set(v);
            }
        });
        vm.speedProperty().addListener((o, a, v) -> speed.setValue(v.doubleValue()));
        speed.setValue(1.0);
        speed.setId("speed");
        Button loopIn = button("[ Loop start", "Loop from the playhead ([)", vm::setLoopIn, "loopIn");
        Button loopOut = button("Loop end ]", "Loop up to the playhead (])", vm::setLoopOut, "loopOut");
        Button loopClear = button("No loop", "Clear the loop range (\\)", vm::clearLoop, "loopClear");
        Label time = new Label();
        time.setId("replayTime");
        time.textProperty().bind(vm.timeTextProperty());
        time.getStyleClass().add("panel-title");
        Label status = new Label();
        status.setId("replayStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox transport = new HBox(6, prev, back, play, fwd, next, new Label("Speed"), speed, loopIn, loopOut,
                loopClear, time);
        transport.setAlignment(Pos.CENTER_LEFT);
        transport.disableProperty().bind(vm.documentProperty().isNull());
        // a damaged file's note is long: it wraps rather than end in an ellipsis
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        // The chart gives up height on a small screen, where the heatmap and the routine panel need it more.
        chart.prefHeightProperty().bind(Bindings.max(90, Bindings.min(150, heightProperty().multiply(0.15))));
        VBox box = new VBox(4, chartBar, chart, new TimelineView(vm), transport, statusBar);
        box.setPadding(new Insets(4, 8, 0, 8));
        return box;
    }

    private static Button button(String text, String tip, Runnable action, String id) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setId(id);
        return b;
    }

    public HeatmapView heatmap() {
        return heatmap;
    }

    public ReplayViewModel viewModel() {
        return vm;
    }
}
