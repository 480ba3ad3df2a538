package io.tactus.app;

import io.tactus.app.fx.Threads;
import io.tactus.app.live.Sources;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The whole window on a test stage, as TactusApp builds it (stylesheet, keys), at a chosen size. */
public final class FxApp {

    private FxApp() {
    }

    public static AppController show(Stage stage, Path home, Sources sources, AlertSound sound, double w, double h) {
        AppController app = new AppController(Threads.javafx(), new SettingsStore(home), AppSettings.defaults(),
                sound, sources);
        Scene scene = new Scene(app.root(), w, h);
        scene.getStylesheets().add(TactusApp.class.getResource("tactus.css").toExternalForm());
        app.install(stage, scene);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        return app;
    }
}
