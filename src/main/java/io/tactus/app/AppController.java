package io.tactus.app;

import io.tactus.app.dialogs.AboutDialog;
import io.tactus.app.dialogs.RecordDialog;
import io.tactus.app.export.ExportDialog;
import io.tactus.app.export.ExportViewModel;
import io.tactus.app.fx.Threads;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.DevicePickerDialog;
import io.tactus.app.live.DevicePickerViewModel;
import io.tactus.app.live.LiveView;
import io.tactus.app.live.LiveViewModel;
import io.tactus.app.live.Sources;
import io.tactus.app.replay.ReplayOpener;
import io.tactus.app.replay.ReplayView;
import io.tactus.app.replay.ReplayViewModel;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.SessionMetadata;
import io.tactus.session.ReplayEngine;
import io.tactus.session.export.RecordingExportSource;
import io.tactus.signal.SignalPipeline;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Wires the window: view models, views, menus, toolbars, keyboard shortcuts and settings persistence. Holds no
 * domain logic of its own.
 */
public final class AppController {

    private final Threads threads;
    private final SettingsStore store;
    private final Sources sources;
    private final DisplayOptions display = new DisplayOptions();
    private final LiveViewModel live;
    private final LiveView liveView;
    private final ReplayViewModel replay;
    private final ReplayView replayView;
    private final MainWindow window;
    private final Menu recentMenu = new Menu("Open recent");
    private final MenuButton recentButton = new MenuButton("Recent");
    private AppSettings settings;
    private Stage stage;
    private String lastTrainee;
    private String lastReceiver;

    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources) {
        this(threads, store, settings, sound, sources, file -> ReplayEngine.open(file, SignalPipeline::new));
    }

    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources, ReplayOpener opener) {
        this.threads = threads;
        this.store = store;
        this.settings = settings;
        this.sources = sources;
        this.live = new LiveViewModel(threads, sound);
        this.replay = new ReplayViewModel(threads, opener);
        applySettings(settings);
        this.liveView = new LiveView(live, display);
        this.replayView = new ReplayView(replay, display, replayToolbar(), f -> openRecording(f.toPath()));
        this.window = new MainWindow(menu(), liveToolbar(), liveView, replayView);
        live.mutedProperty().addListener((o, a, m) -> update(settings().withSoundMuted(m)));
        display.colorMapProperty().addListener((o, a, m) -> update(settings().withColorMap(m)));
        display.interpolationProperty().addListener((o, a, m) -> update(settings().withInterpolation(m)));
        display.scaleMaxKpaProperty().addListener((o, a, m) -> update(settings().withScaleMaxKpa(m.doubleValue())));
        refreshRecent();
    }

    public MainWindow root() {
        return window;
    }

    public LiveViewModel liveViewModel() {
        return live;
    }

    public LiveView liveView() {
        return liveView;
    }

    public ReplayViewModel replayViewModel() {
        return replay;
    }

    public ReplayView replayView() {
        return replayView;
    }

    public DisplayOptions display() {
        return display;
    }

    public AppSettings settings() {
        return settings;
    }

    private void applySettings(AppSettings s) {
        display.colorMapProperty().set(s.colorMap());
        display.interpolationProperty().set(s.interpolation());
        display.scaleMaxKpaProperty().set(s.scaleMaxKpa());
        live.mutedProperty().set(s.soundMuted());
        // Live pipelines are built from the same settings (StandardSources), so what the gauges draw is what
        // the flags are judged against.
        io.tactus.signal.flags.Profile profile = s.toSignalSettings().profile();
        live.bandsProperty().set(r -> {
            io.tactus.signal.flags.Band b = profile.band(r);
            return b == null ? null : new io.tactus.app.live.RegionBand(b.targetMin(), b.targetMax(),
                    b.hardMaxOrInfinity());
        });
    }

    /** Opens the settings dialog; OK applies and saves. */
    public void editSettings() {
        io.tactus.app.settings.SettingsDialog d = new io.tactus.app.settings.SettingsDialog(settings);
        d.initOwner(stage);
        d.showAndWait().ifPresent(this::applyUserSettings);
    }

    /** Saves {@code s}, redraws with it, and moves a connected live session to its profile and spine width. */
    public void applyUserSettings(AppSettings s) {
        update(s);
        applySettings(s);
        live.applySignalSettings(s.toSignalSettings());
    }

    /** Keeps the new settings and saves them in the background. */
    private void update(AppSettings s) {
        settings = s;
        AppSettings snapshot = s;
        threads.background().execute(() -> store.save(snapshot));
    }

    // ---- keyboard

    public void install(Stage stage, Scene scene) {
        this.stage = stage;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::pickDevice);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseRecording);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::export);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::about);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::editSettings);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** Single-key shortcuts, ignored while typing in a text field. */
    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()
                || (e.getTarget() instanceof TextInputControl)
                || (stage != null && stage.getScene() != null
                && stage.getScene().getFocusOwner() instanceof TextInputControl)) {
            return;
        }
        boolean handled = true;
        if (e.getCode() == KeyCode.M) {
            live.mutedProperty().set(!live.mutedProperty().get());
        } else if (window.liveShowing()) {
            if (e.getCode() == KeyCode.R) {
                toggleRecording();
            } else if (e.getCode() == KeyCode.T && live.feedProperty().get() != null) {
                confirmTare();
            } else {
                handled = false;
            }
        } else {
            long second = 1_000_000L * (e.isShiftDown() ? 10 : 1);
            switch (e.getCode()) {
                case SPACE -> replay.togglePlay();
                case LEFT -> replay.seekBy(-second);
                case RIGHT -> replay.seekBy(second);
                case COMMA -> replay.step(-1);
                case PERIOD -> replay.step(1);
                case N -> {
                    if (e.isShiftDown()) {
                        replay.previousFlag();
                    } else {
                        replay.nextFlag();
                    }
                }
                case P -> replay.previousFlag();
                case OPEN_BRACKET -> replay.setLoopIn();
                case CLOSE_BRACKET -> replay.setLoopOut();
                case BACK_SLASH -> replay.clearLoop();
                case A -> replayView.addNote();
                case UP -> replay.faster();
                case DOWN -> replay.slower();
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    // ---- live

    /** At start-up: the simulator with the last (or default) scenario, when this build has one. */
    public void connectDefault() {
        if (sources.simulatorAvailable()) {
            String scenario = settings.scenario() != null && sources.scenarios().contains(settings.scenario())
                    ? settings.scenario() : sources.defaultScenario();
            connect(new DeviceChoice.Simulator(scenario));
        }
    }

    public void connect(DeviceChoice choice) {
        if (choice instanceof DeviceChoice.Simulator s) {
            update(settings.withScenario(s.scenario()));
        } else if (choice instanceof DeviceChoice.SerialPort p) {
            update(settings.withLastPort(p.path()));
        }
        live.connect(choice.label(), () -> sources.open(choice));
        window.showLive();
    }

    public void pickDevice() {
        DevicePickerViewModel vm = new DevicePickerViewModel(threads, sources, settings.lastPort(),
                settings.scenario());
        DevicePickerDialog d = new DevicePickerDialog(vm);
        d.initOwner(stage);
        d.showAndWait().ifPresent(this::connect);
    }

    public void toggleRecording() {
        if (live.recordingProperty().get()) {
            live.stopRecording();
            return;
        }
        if (!live.canRecord()) {
            return;
        }
        RecordDialog d = new RecordDialog(lastTrainee, lastReceiver);
        d.initOwner(stage);
        d.showAndWait().ifPresent(a -> startRecording(a.trainee(), a.receiver(), a.notes()));
    }

    /** The calibration wizard on the connected device's live session. */
    private void calibrate() {
        if (!(live.feedProperty().get() instanceof io.tactus.app.live.LiveSessionFeed lf)) {
            return;
        }
        io.tactus.app.dialogs.CalibrationDialog d = new io.tactus.app.dialogs.CalibrationDialog(
                new io.tactus.app.live.CalibrationWizard(lf.session(), io.tactus.signal.store.CalibrationStore.standard()),
                threads);
        d.initOwner(stage);
        d.showAndWait();
    }

    /** Guided registration: start the trace, let the trainee slide a finger up the spine, then fit. */
    private void traceTheSpine() {
        javafx.scene.control.ButtonType start = new javafx.scene.control.ButtonType("Start",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "1. Hands off the mat except one finger on the sacrum (bottom of the spine).\n"
                        + "2. Press Start, then slide the finger slowly up the spine to the base of the neck.\n"
                        + "3. Press Finish in the next window.\n\n"
                        + "Tactus fits the midline to the finger's track and moves the region map onto it.",
                start, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle("Trace the spine");
        a.setHeaderText("Register the body map");
        if (a.showAndWait().filter(b -> b == start).isEmpty()) {
            return;
        }
        live.startSpineTrace();
        javafx.scene.control.ButtonType finish = new javafx.scene.control.ButtonType("Finish",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert f = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                "Slide the finger up the spine now; press Finish when it reaches the neck.", finish,
                javafx.scene.control.ButtonType.CANCEL);
        f.initOwner(stage);
        f.setTitle("Trace the spine");
        f.setHeaderText("Tracing...");
        f.initModality(javafx.stage.Modality.NONE);
        f.setOnHidden(e -> {
            if (f.getResult() == finish) {
                live.finishSpineTrace();
            } else {
                live.cancelSpineTrace();
            }
        });
        f.show();
    }

    private void confirmTare() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Lift both hands off the mat and keep the receiver still, then press OK.\n"
                        + "Tactus records 3 seconds of baseline, subtracts it from every cell and finds dead cells.");
        a.initOwner(stage);
        a.setTitle("Tare");
        a.setHeaderText("Zero the mat");
        a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> live.tare(3));
    }

    /** Starts recording to tactus.home/recordings/DATE-TRAINEE.tactus. */
    public Path startRecording(String trainee, String receiver, String notes) {
        lastTrainee = trainee;
        lastReceiver = receiver;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String who = trainee == null ? "" : "-" + trainee.replaceAll("[^A-Za-z0-9_-]", "_");
        Path file = store.file().getParent().resolve("recordings").resolve(stamp + who + ".tactus");
        SessionMetadata m = SessionMetadata.now().withTrainee(trainee).withReceiver(receiver).withNotes(notes)
                .withProfile(settings.profile());
        live.startRecording(file, m);
        return file;
    }

    // ---- replay

    public void chooseRecording() {
        FileChooser c = new FileChooser();
        c.setTitle("Open recording");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Tactus recordings", "*.tactus"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path dir = samplesOrRecordings();
        if (dir != null && dir.toFile().isDirectory()) {
            c.setInitialDirectory(dir.toFile());
        }
        File f = c.showOpenDialog(stage);
        if (f != null) {
            openRecording(f.toPath());
        }
    }

    private Path samplesOrRecordings() {
        Path rec = store.file().getParent().resolve("recordings");
        if (rec.toFile().isDirectory()) {
            return rec;
        }
        String samples = System.getProperty("tactus.samplesDir");
        return samples == null ? Path.of("sample-recordings") : Path.of(samples);
    }

    public void openRecording(Path file) {
        replay.open(file, () -> {
            update(settings.withRecent(file.toAbsolutePath().toString()));
            refreshRecent();
        });
        window.showReplay();
    }

    private void chooseCompare() {
        FileChooser c = new FileChooser();
        c.setTitle("Compare with (e.g. an instructor's reference session)");
        Path dir = samplesOrRecordings();
        if (dir != null && dir.toFile().isDirectory()) {
            c.setInitialDirectory(dir.toFile());
        }
        File f = c.showOpenDialog(stage);
        if (f != null) {
            replay.openCompare(f.toPath());
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        recentButton.getItems().clear();
        for (String p : settings.recentFiles()) {
            MenuItem a = new MenuItem(p);
            a.setOnAction(e -> openRecording(Path.of(p)));
            recentMenu.getItems().add(a);
            MenuItem b = new MenuItem(p);
            b.setOnAction(e -> openRecording(Path.of(p)));
            recentButton.getItems().add(b);
        }
        recentMenu.setDisable(settings.recentFiles().isEmpty());
        recentButton.setDisable(settings.recentFiles().isEmpty());
    }

    /** The export dialog for the recording open in replay (or the last one recorded). */
    public ExportViewModel exportViewModel() {
        ReplayEngine d = replay.documentProperty().get();
        Path file = d != null ? d.file() : live.lastRecordingProperty().get();
        if (file == null) {
            return null;
        }
        String base = file.getFileName().toString().replaceFirst("\\.tactus$", "");
        Path out = file.toAbsolutePath().getParent().resolve(base + "-export");
        return new ExportViewModel(threads, () -> RecordingExportSource.open(file, SignalPipeline::new), base, out);
    }

    public void export() {
        ExportViewModel vm = exportViewModel();
        if (vm == null) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                    "Open a recording in the Replay tab first (or record one).").showAndWait();
            return;
        }
        ExportDialog d = new ExportDialog(vm);
        d.initOwner(stage);
        d.show();
    }

    public void about() {
        AboutDialog a = new AboutDialog();
        a.initOwner(stage);
        a.showAndWait();
    }

    // ---- menus and toolbars

    private MenuBar menu() {
        MenuItem open = item("Open recording... (Ctrl+O)", this::chooseRecording);
        MenuItem export = item("Export... (Ctrl+E)", this::export);
        MenuItem quit = item("Quit", () -> {
            if (stage != null) {
                stage.close();
            }
        });
        Menu file = new Menu("File", null, open, recentMenu, export, new SeparatorMenuItem(), quit);
        Menu device = new Menu("Device", null, item("Connect... (Ctrl+K)", this::pickDevice),
                item("Disconnect", live::disconnect), new SeparatorMenuItem(),
                item("Record / stop (R)", this::toggleRecording));
        device.getItems().addAll(new SeparatorMenuItem(), item("Settings... (Ctrl+,)", this::editSettings));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", this::shortcuts),
                item("About Tactus (F1)", this::about));
        MenuBar bar = new MenuBar(file, device, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void shortcuts() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText(String.join("\n",
                "Ctrl+K  connect a device          Ctrl+O  open a recording",
                "Ctrl+E  export                    F1      about",
                "Ctrl+,  settings (profile, bands, spine width, colours, sound)",
                "M       mute / unmute alert sound",
                "Live:   R  record / stop     T  tare (hands off the mat)",
                "Replay: Space play/pause   Left/Right seek 1 s (Shift: 10 s)",
                "        , .  step one frame   N next flag   Shift+N or P previous flag",
                "        [ ]  loop start / end   \\ clear loop   A add note   Up/Down speed"));
        a.showAndWait();
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private ToolBar liveToolbar() {
        Button connect = new Button("Connect...");
        connect.setId("connectButton");
        connect.setOnAction(e -> pickDevice());
        connect.setTooltip(new Tooltip("Pick the simulator or a serial device (Ctrl+K)"));
        connect.getStyleClass().add("big-button");
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnectButton");
        disconnect.setOnAction(e -> live.disconnect());
        disconnect.disableProperty().bind(live.feedProperty().isNull());
        Button record = new Button();
        record.setId("recordButton");
        record.textProperty().bind(Bindings.when(live.recordingProperty()).then("\u25a0 Stop recording (R)")
                .otherwise("\u25cf Record (R)"));
        record.setOnAction(e -> toggleRecording());
        record.disableProperty().bind(live.feedProperty().isNull());
        live.recordingProperty().addListener((o, a, r) -> {
            record.getStyleClass().remove("record-on");
            if (r) {
                record.getStyleClass().add("record-on");
            }
        });
        ToggleButton mute = new ToggleButton("Mute (M)");
        mute.setId("muteButton");
        mute.selectedProperty().bindBidirectional(live.mutedProperty());
        Button tare = new Button("Tare (T)");
        tare.setId("tareButton");
        tare.setTooltip(new Tooltip("Zero the mat: lift your hands off, then 3 s of baseline are recorded"));
        tare.disableProperty().bind(live.feedProperty().isNull());
        tare.setOnAction(e -> confirmTare());
        Button calibrate = new Button("Calibrate...");
        calibrate.setId("calibrateButton");
        calibrate.setTooltip(new Tooltip("Calibrate with known weights on a known area (saved for this device)"));
        calibrate.disableProperty().bind(live.feedProperty().isNull());
        calibrate.setOnAction(e -> calibrate());
        Button trace = new Button("Trace the spine...");
        trace.setId("traceButton");
        trace.setTooltip(new Tooltip("Register the body map on a mat that is not centred: run a finger up the spine"));
        trace.disableProperty().bind(live.feedProperty().isNull());
        trace.setOnAction(e -> traceTheSpine());
        Label message = new Label();
        message.textProperty().bind(live.messageTextProperty());
        message.getStyleClass().add("hint");
        return new ToolBar(connect, disconnect, new Separator(), record, mute, new Separator(), tare, calibrate,
                trace, new Separator(), message);
    }

    private ToolBar replayToolbar() {
        Button open = new Button("Open recording...");
        open.setId("openRecording");
        open.setOnAction(e -> chooseRecording());
        open.getStyleClass().add("big-button");
        Button compare = new Button("Compare with...");
        compare.setOnAction(e -> chooseCompare());
        compare.disableProperty().bind(replay.documentProperty().isNull());
        Button closeCompare = new Button("Close comparison");
        closeCompare.setOnAction(e -> replay.closeCompare());
        closeCompare.disableProperty().bind(replay.compareProperty().isNull());
        Button export = new Button("Export...");
        export.setId("exportButton");
        export.setOnAction(e -> export());
        export.disableProperty().bind(replay.documentProperty().isNull());
        return new ToolBar(open, recentButton, new Separator(), compare, closeCompare, new Separator(), export);
    }

    public void shutdown() {
        live.disconnect();
        replay.close();
    }
}
