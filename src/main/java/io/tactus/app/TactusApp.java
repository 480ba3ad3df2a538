package io.tactus.app;

import io.tactus.app.fx.Threads;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import io.tactus.app.sound.ToneAlarm;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The desktop app. Slow start-up work (settings file, opening the audio line) happens in {@link #init()} on the
 * launcher thread, not on the FX thread. With no hardware it connects to the built-in simulator.
 */
public final class TactusApp extends Application {

    private SettingsStore store;
    private AppSettings settings;
    private AlertSound sound;
    private AppController controller;

    @Override
    public void init() {
        store = new SettingsStore(SettingsStore.defaultHome());
        settings = store.load();
        sound = new ToneAlarm();
    }

    @Override
    public void start(Stage stage) {
        java.util.concurrent.atomic.AtomicReference<AppController> self = new java.util.concurrent.atomic.AtomicReference<>();
        controller = new AppController(Threads.javafx(), store, settings, sound,
                new io.tactus.app.live.StandardSources(() -> self.get().settings().toSignalSettings()));
        self.set(controller);
        // a written session report opens in the desktop's browser (HostServices: no AWT, no extra dependency)
        controller.replayViewModel().report().setOpener(p -> getHostServices().showDocument(p.toUri().toString()));
        // Fitted to the screen (1366x768 and up): never larger than the visible area, so the menu, gauges and
        // status bar are on screen from the start.
        javafx.geometry.Rectangle2D vb = Screen.getPrimary().getVisualBounds();
        double w = Math.min(1600, vb.getWidth());
        double h = Math.min(1000, vb.getHeight());
        Scene scene = new Scene(controller.root(), w, h);
        scene.getStylesheets().add(TactusApp.class.getResource("tactus.css").toExternalForm());
        scaleForScreen(scene);
        controller.install(stage, scene);
        stage.setTitle("Tactus: massage pressure trainer");
        // The same picture as the installed desktop entry's icon (src/dist/tactus.svg), for the task bar.
        stage.getIcons().add(new Image(TactusApp.class.getResource("tactus-64.png").toExternalForm()));
        stage.setScene(scene);
        stage.setMinWidth(Math.min(1024, vb.getWidth()));
        stage.setMinHeight(Math.min(700, vb.getHeight()));
        stage.setX(vb.getMinX() + (vb.getWidth() - w) / 2);
        stage.setY(vb.getMinY() + (vb.getHeight() - h) / 2);
        stage.show();
        controller.connectDefault();
    }

    /**
     * JavaFX already scales by the OS's output scale on HiDPI screens; when a 4K screen reports a scale of 1,
     * enlarge the root font instead so text stays readable from the table.
     */
    private static void scaleForScreen(Scene scene) {
        Screen s = Screen.getPrimary();
        double physicalHeight = s.getBounds().getHeight() * s.getOutputScaleY();
        if (s.getOutputScaleY() < 1.5 && physicalHeight >= 2000) {
            scene.getRoot().setStyle("-fx-font-size: 22px;");
        }
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.shutdown();
        }
        if (sound != null) {
            sound.close();
        }
    }
}
