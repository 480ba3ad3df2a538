package io.tactus.app;

import io.tactus.app.fx.Threads;
import io.tactus.app.live.StandardSources;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Scratch: walks the app's screens and dialogs as a newcomer would, capturing the real screen. */
public final class WalkMain {
    static Stage stage;
    static Path out;
    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        Files.createDirectories(out);
        int w = Integer.parseInt(args[1]), h = Integer.parseInt(args[2]);
        Path home = Files.createTempDirectory("tactus-walk");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppController[] app = new AppController[1];
        onFx(() -> {
            app[0] = new AppController(Threads.javafx(), new SettingsStore(home),
                    AppSettings.defaults(), new AlertSound.Silent(), new StandardSources());
            Scene scene = new Scene(app[0].root(), w, h);
            scene.getStylesheets().add(TactusApp.class.getResource("tactus.css").toExternalForm());
            stage = new Stage();
            app[0].install(stage, scene);
            stage.setScene(scene);
            stage.setX(0); stage.setY(0);
            stage.show();
        });
        Thread.sleep(1500);
        shot("01-start-not-connected");
        later(() -> app[0].pickDevice());
        Thread.sleep(2500);
        shotDialogs("02-device-picker");
        // no data: a scenario that ends
        onFx(() -> app[0].liveViewModel().connect("simulated (ends)", () -> new io.tactus.app.live.LiveSessionFeed(
                new io.tactus.session.LiveSession(new io.tactus.device.sim.SimulatedSource(
                        io.tactus.device.sim.ScenarioStream.open("spine-contact",
                                io.tactus.device.sim.SimOptions.defaults().withLoop(false)), 20.0),
                        io.tactus.signal.SignalPipeline::new), "simulated").start()));
        Thread.sleep(1500);
        shot("03-live-running");
        for (int i = 0; i < 400; i++) {
            boolean[] nd = {false};
            onFx(() -> nd[0] = app[0].liveViewModel().bannerProperty().get() == io.tactus.app.live.LiveViewModel.Banner.NO_DATA);
            if (nd[0]) break;
            Thread.sleep(100);
        }
        Thread.sleep(500);
        shot("04-live-no-data");
        onFx(() -> app[0].connectDefault());
        Thread.sleep(3000);
        later(() -> app[0].flows().toggleRecording());
        Thread.sleep(1500);
        shotDialogs("05-record-dialog");
        later(() -> app[0].about());
        Thread.sleep(1000);
        shotDialogs("06-about");
        later(() -> app[0].flows().tare());
        Thread.sleep(1000);
        shotDialogs("07-tare");
        later(() -> app[0].flows().traceTheSpine());
        Thread.sleep(1000);
        shotDialogs("08-trace");
        onFx(() -> app[0].root().tabs().getSelectionModel().select(2));
        Thread.sleep(3000);
        shot("09-library");
        onFx(() -> app[0].openRecording(Path.of("sample-recordings/mistakes.tactus")));
        Thread.sleep(5000);
        shot("10-replay-open");
        later(() -> app[0].export());
        Thread.sleep(1500);
        shotDialogs("11-export");
        onFx(() -> app[0].liveViewModel().disconnect());
        onFx(() -> app[0].root().showLive());
        Thread.sleep(800);
        shot("12-live-disconnected");
        Platform.exit();
        System.exit(0);
    }

    static void later(Runnable r) { Platform.runLater(r); }

    static void shot(String name) throws InterruptedException {
        onFx(() -> capture(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), name));
    }

    static void shotDialogs(String name) throws InterruptedException {
        onFx(() -> {
            int i = 0;
            for (Window win : new java.util.ArrayList<>(Window.getWindows())) {
                if (win != stage && win.isShowing() && win.getScene() != null) {
                    capture(win.getX(), win.getY(), win.getWidth(), win.getHeight(), name + (i++ == 0 ? "" : "-" + i));
                    System.out.println(name + ": " + LayoutChecks.truncatedLabels(win.getScene().getRoot()) + " "
                            + LayoutChecks.overflowing(win.getScene().getRoot()));
                    if (win instanceof Stage s) s.close(); else win.hide();
                }
            }
        });
    }

    static void capture(double x, double y, double w, double h, String name) {
        var img = new javafx.scene.robot.Robot().getScreenCapture(null, x, y, w, h);
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    out.resolve(name + ".png").toFile());
            System.out.println("wrote " + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> { try { r.run(); } finally { done.countDown(); } });
        if (!done.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("FX thread did not answer");
    }
}
