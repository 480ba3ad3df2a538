package io.tactus.app;

import io.tactus.app.dialogs.AboutDialog;
import io.tactus.app.fx.Threads;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.DevicePickerDialog;
import io.tactus.app.live.DevicePickerViewModel;
import io.tactus.app.live.LiveView;
import io.tactus.app.live.LiveViewModel;
import io.tactus.app.live.Sources;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Wires the window: view models, views, menus, toolbar, keyboard shortcuts and settings persistence. Holds no
 * domain logic of its own.
 */
public final class AppController {

    private final Threads threads;
    private final SettingsStore store;
    private final Sources sources;
    private final DisplayOptions display = new DisplayOptions();
    private final LiveViewModel live;
    private final LiveView liveView;
    private final MainWindow window;
    private AppSettings settings;
    private Stage stage;

    public AppController(Threads threads, SettingsStore store, AppSettings settings, AlertSound sound,
                         Sources sources) {
        this.threads = threads;
        this.store = store;
        this.settings = settings;
        this.sources = sources;
        this.live = new LiveViewModel(threads, sound);
        applySettings(settings);
        this.liveView = new LiveView(live, display);
        Label replayPlaceholder = new Label("Replay: not available yet (the session layer's recording reader "
                + "has not landed in this build).");
        replayPlaceholder.setWrapText(true);
        this.window = new MainWindow(menu(), toolbar(), liveView, new StackPane(replayPlaceholder));
        live.mutedProperty().addListener((o, a, m) -> update(settings().withSoundMuted(m)));
        display.colorMapProperty().addListener((o, a, m) -> update(settings().withColorMap(m)));
        display.interpolationProperty().addListener((o, a, m) -> update(settings().withInterpolation(m)));
        display.scaleMaxKpaProperty().addListener((o, a, m) -> update(settings().withScaleMaxKpa(m.doubleValue())));
        if (store.warning() != null) {
            live.messageTextProperty(); // the warning goes to the status line below
        }
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

    public DisplayOptions display() {
        return display;
    }

    public MainWindow window() {
        return window;
    }

    public AppSettings settings() {
        return settings;
    }

    private void applySettings(AppSettings s) {
        display.colorMapProperty().set(s.colorMap());
        display.interpolationProperty().set(s.interpolation());
        display.scaleMaxKpaProperty().set(s.scaleMaxKpa());
        live.mutedProperty().set(s.soundMuted());
    }

    /** Keeps the new settings and saves them in the background. */
    private void update(AppSettings s) {
        settings = s;
        AppSettings snapshot = s;
        threads.background().execute(() -> store.save(snapshot));
    }

    public void install(Stage stage, Scene scene) {
        this.stage = stage;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                this::pickDevice);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M), () -> live.mutedProperty().set(
                !live.mutedProperty().get()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::about);
    }

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
    }

    public void pickDevice() {
        DevicePickerViewModel vm = new DevicePickerViewModel(threads, sources, settings.lastPort(),
                settings.scenario());
        DevicePickerDialog d = new DevicePickerDialog(vm);
        d.initOwner(stage);
        d.showAndWait().ifPresent(this::connect);
    }

    public void about() {
        AboutDialog a = new AboutDialog();
        a.initOwner(stage);
        a.showAndWait();
    }

    private MenuBar menu() {
        MenuItem connect = item("Connect device...", this::pickDevice);
        MenuItem disconnect = item("Disconnect", live::disconnect);
        MenuItem quit = item("Quit", () -> {
            if (stage != null) {
                stage.close();
            }
        });
        Menu file = new Menu("File", null, quit);
        Menu device = new Menu("Device", null, connect, disconnect);
        Menu help = new Menu("Help", null, item("About Tactus (F1)", this::about));
        MenuBar bar = new MenuBar(file, device, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    private ToolBar toolbar() {
        Button connect = new Button("Connect...");
        connect.setId("connectButton");
        connect.setOnAction(e -> pickDevice());
        connect.setTooltip(new Tooltip("Pick the simulator or a serial device (Ctrl+K)"));
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnectButton");
        disconnect.setOnAction(e -> live.disconnect());
        disconnect.disableProperty().bind(live.feedProperty().isNull());
        ToggleButton mute = new ToggleButton("Mute (M)");
        mute.setId("muteButton");
        mute.selectedProperty().bindBidirectional(live.mutedProperty());
        connect.getStyleClass().add("big-button");
        return new ToolBar(connect, disconnect, new Separator(), mute);
    }

    public void shutdown() {
        live.disconnect();
    }
}
