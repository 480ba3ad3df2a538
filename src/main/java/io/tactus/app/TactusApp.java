package io.tactus.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** NOT BUILT YET: placeholder window until the desktop app (issue 5) lands. */
public final class TactusApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Tactus");
        stage.setScene(new Scene(new Label("Tactus desktop app: not built yet"), 640, 400));
        stage.show();
    }
}
