package io.tactus.app;

import io.tactus.app.dialogs.AboutDialog;
import io.tactus.app.dialogs.CalibrationDialog;
import io.tactus.app.dialogs.DialogService;
import io.tactus.app.dialogs.FxDialogs;
import io.tactus.app.export.ExportDialog;
import io.tactus.app.export.ExportViewModel;
import io.tactus.app.fx.Threads;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.live.CalibrationWizard;
import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.DevicePickerDialog;
import io.tactus.app.live.DevicePickerViewModel;
import io.tactus.app.live.FrameFeed;
import io.tactus.app.live.LiveView;
import io.tactus.app.live.LiveViewModel;
import io.tactus.app.live.RegionBand;
import io.tactus.app.live.Sources;
import io.tactus.app.library.LibraryView;
import io.tactus.app.library.LibraryViewModel;
import io.tactus.app.replay.ReplayOpener;
import io.tactus.app.replay.ReplayView;
import io.tactus.app.replay.ReplayViewModel;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsDialog;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.ReplayEngine;
import io.tactus.session.UserFiles;
import io.tactus.session.export.RecordingExportSource;
import io.tactus.signal.flags.Band;
import io.tactus.signal.store.CalibrationStore;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.store.TactusHome;
import io.tactus.signal.technique.Routine;
import java.io.File;
import io.tactus.library.SessionLibrary;
import java.nio.file.Path;
import javafx.scene.control.Tab;
import javafx.stage.DirectoryChooser;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * Wires the window: view models, views, the menus and toolbars ({@link AppMenus}, {@link AppToolbars}) and the
 * keys ({@link KeyMap}) from one list of {@link AppActions}, the live flows ({@link LiveFlows}) behind a
 * {@link DialogService}, and settings persistence. Holds no domain logic of its own.
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
    private final LibraryViewModel library;
    private final MainWindow window;
    private final AppMenus menus = new AppMenus(this::openRecording);
    private final DialogService dialogs;
    private final LiveFlows flows;
    private final KeyMap keys;
    private AppSettings settings;
    private Stage stage;

    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources) {
        this(threads, store, settings, sound, sources, file -> ReplayEngine.open(file, SignalPipeline::new));
    }

    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources, ReplayOpener opener) {
        this(threads, store, settings, sound, sources, opener, null);
    }

    /** {@code dialogs}: null for the window's own JavaFX dialogs. */
    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources, ReplayOpener opener, DialogService dialogs) {
        this.threads = threads;
        this.store = store;
        this.settings = settings;
        this.sources = sources;
        this.dialogs = dialogs != null ? dialogs : new FxDialogs(() -> stage);
        this.live = new LiveViewModel(threads, sound);
        this.replay = new ReplayViewModel(threads, opener);
        replay.report().setFolder(() -> io.tactus.session.UserFiles.reportsDir(store.home()));
        this.flows = new LiveFlows(live, this.dialogs, store.home(), () -> settings().profile(),
                Clock.systemDefaultZone());
        applySettings(settings);
        AppActions actions = actions();
        this.keys = AppKeys.table(actions, replay, this::replayView);
        this.liveView = new LiveView(live, display, this::loadRoutine);
        this.replayView = new ReplayView(replay, display, AppToolbars.replay(actions, replay, menus.recentButton()),
                f -> openRecording(f.toPath()));
        this.window = new MainWindow(menus.menuBar(actions, display), AppToolbars.live(actions, live), liveView,
                replayView);
        this.library = new LibraryViewModel(threads, store.home().resolve(SessionLibrary.FILE_NAME),
                new LibraryViewModel.Opener() {
                    @Override
                    public void open(Path recording) {
                        openRecording(recording);
                    }

                    @Override
                    public void compare(Path recording, Path reference) {
                        openRecording(recording);
                        replay.openCompare(reference);
                    }
                });
        window.tabs().getTabs().add(libraryTab());
        live.mutedProperty().addListener((o, a, m) -> update(settings().withSoundMuted(m)));
        display.colorMapProperty().addListener((o, a, m) -> update(settings().withColorMap(m)));
        display.interpolationProperty().addListener((o, a, m) -> update(settings().withInterpolation(m)));
        menus.showRecent(settings.recentFiles());
    }

    private AppActions actions() {
        return new AppActions(this::pickDevice, live::disconnect, flows::toggleRecording,
                () -> live.mutedProperty().set(!live.mutedProperty().get()), flows::tare, this::calibrate,
                flows::traceTheSpine, this::chooseRecording, this::chooseCompare, replay::closeCompare, this::export,
                this::report, this::editSettings, this::about, this::shortcuts, () -> {
                    if (stage != null) {
                        stage.close();
                    }
                });
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

    public LiveFlows flows() {
        return flows;
    }

    public KeyMap keyMap() {
        return keys;
    }

    private void applySettings(AppSettings s) {
        display.colorMapProperty().set(s.colorMap());
        display.interpolationProperty().set(s.interpolation());
        display.scaleMaxKpaProperty().set(s.effectiveScaleMaxKpa());
        display.scaleAutoProperty().set(s.scaleAuto());
        display.legendBandProperty().set(s.workingBand());
        live.mutedProperty().set(s.soundMuted());
        // Live pipelines are built from the same settings (StandardSources), so what the gauges draw is what
        // the flags are judged against.
        Profile profile = s.toSignalSettings().profile();
        live.bandsProperty().set(r -> {
            Band b = profile.band(r);
            return b == null ? null : new RegionBand(b.targetMin(), b.targetMax(), b.hardMaxOrInfinity());
        });
    }

    /** Opens the settings dialog; OK applies and saves. */
    public void editSettings() {
        SettingsDialog d = new SettingsDialog(settings);
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

    public void install(Stage stage, Scene scene) {
        this.stage = stage;
        keys.install(scene, () -> window.liveShowing() ? KeyMap.Scope.LIVE : KeyMap.Scope.REPLAY);
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

    /** The calibration wizard on the connected device's live pipeline. */
    private void calibrate() {
        FrameFeed f = live.feedProperty().get();
        if (f == null || f.control().isEmpty()) {
            dialogs.inform("Calibrate", "Connect a device first: calibration needs live frames.");
            return;
        }
        CalibrationDialog d = new CalibrationDialog(new CalibrationWizard(f, CalibrationStore.standard()), threads);
        d.initOwner(stage);
        d.showAndWait();
    }

    /** Asks for a routine file (the same JSON as the built-in one) and starts it on the live core. */
    private void loadRoutine() {
        FileChooser c = new FileChooser();
        c.setTitle("Load a routine");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Routines (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = c.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            live.coach().start(Routine.load(f.toPath()));
        } catch (RuntimeException e) {
            dialogs.inform("Load a routine", f.getName() + ": " + e.getMessage());
        }
    }

    // ---- replay

    public void chooseRecording() {
        File f = chooser("Open recording").showOpenDialog(stage);
        if (f != null) {
            openRecording(f.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Tactus recordings", "*.tactus"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Path dir = samplesOrRecordings();
        if (dir.toFile().isDirectory()) {
            c.setInitialDirectory(dir.toFile());
        }
        return c;
    }

    private Path samplesOrRecordings() {
        Path rec = TactusHome.recordings(store.home());
        if (rec.toFile().isDirectory()) {
            return rec;
        }
        String samples = System.getProperty("tactus.samplesDir");
        return samples == null ? Path.of("sample-recordings") : Path.of(samples);
    }

    /** The session library tab; the library is searched the first time the tab is shown (not at start-up). */
    private Tab libraryTab() {
        Tab tab = new Tab("Library (instructor)", new LibraryView(library, () -> {
            java.io.File dir = new DirectoryChooser().showDialog(stage);
            return dir == null ? null : dir.toPath();
        }));
        tab.setClosable(false);
        tab.setId("libraryTab");
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && library.sessions().isEmpty()) {
                library.search();
            }
        });
        return tab;
    }

    public LibraryViewModel libraryViewModel() {
        return library;
    }

    public void openRecording(Path file) {
        replay.open(file, () -> {
            update(settings.withRecent(file.toAbsolutePath().toString()));
            menus.showRecent(settings.recentFiles());
        });
        window.showReplay();
    }

    private void chooseCompare() {
        File f = chooser("Compare with (e.g. an instructor's reference session)").showOpenDialog(stage);
        if (f != null) {
            replay.openCompare(f.toPath());
        }
    }

    /** The export dialog for the recording open in replay (or the last one recorded). */
    public ExportViewModel exportViewModel() {
        ReplayEngine d = replay.documentProperty().get();
        Path file = d != null ? d.file() : live.recorder().lastRecordingProperty().get();
        if (file == null) {
            return null;
        }
        String base = file.getFileName().toString().replaceFirst("\\.tactus$", "");
        // Beside the user's own recording; a sample's (or a read-only file's) export goes to the user's folder.
        Path out = (UserFiles.isUsers(file) ? file.toAbsolutePath().getParent() : UserFiles.exportsDir())
                .resolve(base + "-export");
        return new ExportViewModel(threads, () -> RecordingExportSource.open(file, SignalPipeline::new), base, out);
    }

    public void export() {
        ExportViewModel vm = exportViewModel();
        if (vm == null) {
            dialogs.inform("Export", "Open a recording in the Replay tab first (or record one).");
            return;
        }
        ExportDialog d = new ExportDialog(vm);
        d.initOwner(stage);
        d.show();
    }

    /** The open recording's session report (the replay view's Report button, File > Session report, Ctrl+P). */
    public void report() {
        if (replay.documentProperty().get() == null) {
            dialogs.inform("Session report", "Open a recording in the Replay tab first: its report is written from it.");
            return;
        }
        window.showReplay(); // the status line that says where the report went is there
        replay.writeReport();
    }

    public void about() {
        AboutDialog a = new AboutDialog();
        a.initOwner(stage);
        a.showAndWait();
    }

    private void shortcuts() {
        ShortcutsDialog d = new ShortcutsDialog(keys);
        d.initOwner(stage);
        d.showAndWait();
    }

    public void shutdown() {
        live.disconnect();
        replay.close();
    }
}
