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

/**
 * Renders the live and replay views into PNGs for docs/img (run by scripts/screenshots.sh under xvfb-run, and by
 * {@code RealWindowLayoutTest}). First the live view before any device is connected and the replay view before
 * any recording is open (what a newcomer meets first). Live: the simulator's scenario with the routine running, captured while an
 * alert shows if the core raises one within the wait, else mid-stroke. Replay: the given recording, playhead on
 * its first flag (or a third of the way in), then {@code gentle-routine.tactus} beside it (when there) right after
 * a movement, with the guided routine's panel. Then the settings, calibration and device picker dialogs and the
 * keyboard shortcuts, and last the simulated glove's view.
 *
 * <p>Each screen (live view with routine panel, replay views, glove view, settings, shortcuts) is checked in the
 * real window with the real fonts: a node outside the window (or a dialog larger than the screen), a label
 * reaching outside its pane (cut off or over a neighbour) and a Labeled whose displayed text is not its text or
 * ends in an ellipsis are printed as "layout problem: ..." lines, and
 * the last line is "layout: N problem(s)".
 *
 * <p>Arguments: outDir recording|- [scenario] [liveSeconds] [width height]. At a size other than 1366x768 the
 * files get a "-WIDTHxHEIGHT" suffix and the dialogs are checked but not written again; "-" for the recording
 * skips the replay view.
 */
public final class ScreenshotMain {

    private ScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
        Path recording = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
        String scenario = args.length > 2 ? args[2] : "mistakes";
        double liveSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 25;
        int width = args.length > 5 ? Integer.parseInt(args[4]) : 1366;
        int height = args.length > 5 ? Integer.parseInt(args[5]) : 768;
        boolean main = width == 1366 && height == 768;
        String suffix = main ? "" : "-" + width + "x" + height;
        Path home = Files.createTempDirectory("tactus-shots");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppController[] app = new AppController[1];
        Stage[] stage = new Stage[1];
        onFx(() -> {
            // -Dtactus.shots.profile=deep_tissue: look at a profile whose regions' targets differ (the legend)
            String profile = System.getProperty("tactus.shots.profile");
            AppSettings settings = AppSettings.defaults().withScenario(scenario);
            app[0] = new AppController(Threads.javafx(), new SettingsStore(home),
                    profile == null ? settings : settings.withProfile(profile), new NoAudioDevice(),
                    new StandardSources());
            Scene scene = new Scene(app[0].root(), width, height);
            scene.getStylesheets().add(TactusApp.class.getResource("tactus.css").toExternalForm());
            stage[0] = new Stage();
            app[0].install(stage[0], scene);
            stage[0].setScene(scene);
            stage[0].setX(0);
            stage[0].setY(0);
            stage[0].show();
        });
        // What the trainee sees first: no device, every gauge saying "No data" (wider than a number: it once pushed
        // the gauges off a 1366 px window).
        Thread.sleep(500);
        onFx(() -> snap(stage[0], out.resolve("live-not-connected" + suffix + ".png")));
        onFx(() -> check("live view (not connected)", stage[0].getScene(), width, height));
        onFx(() -> app[0].connectDefault());
        Thread.sleep(2000);
        onFx(() -> app[0].liveViewModel().coach().start(null)); // the routine panel shows a routine in progress
        long deadline = System.nanoTime() + (long) (liveSeconds * 1e9);
        boolean alert = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            boolean[] a = {false};
            onFx(() -> a[0] = app[0].liveViewModel().alertActiveProperty().get());
            if (a[0]) {
                alert = true;
                Thread.sleep(150); // let the flash settle on a frame with the banner drawn
                break;
            }
        }
        System.out.println("live: alert showing = " + alert);
        long[] fx = get(() -> {
            var t = app[0].liveView().frameTimer();
            return new long[] {t.count(), t.percentile(50), t.percentile(99), t.percentile(100)};
        });
        System.out.printf(java.util.Locale.ROOT,
                "live: FX-thread time per rendered frame (LiveView pulse handler, last <= 2048 frames of %d):"
                        + " p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", fx[0], fx[1] / 1e6, fx[2] / 1e6, fx[3] / 1e6);
        long[] lat = get(() -> {
            var t = app[0].liveViewModel().alerts().latencies();
            return new long[] {t.count(), t.percentile(50), t.percentile(100)};
        });
        System.out.printf(java.util.Locale.ROOT,
                "live: alert latency (confirming frame's arrival -> FX pulse applying the alert), %d alerts:"
                        + " median %.2f ms, max %.2f ms%n", lat[0], lat[1] / 1e6, lat[2] / 1e6);
        onFx(() -> snap(stage[0], out.resolve("live" + suffix + ".png")));
        onFx(() -> check("live view", stage[0].getScene(), width, height));
        // The replay view before any recording is open: what a newcomer sees first on the instructor's tab.
        onFx(() -> app[0].root().showReplay());
        Thread.sleep(500);
        onFx(() -> snap(stage[0], out.resolve("replay-empty" + suffix + ".png")));
        onFx(() -> check("replay view (empty)", stage[0].getScene(), width, height));
        // The session library, empty (a fresh home): its search fields and table headings.
        onFx(() -> app[0].root().tabs().getSelectionModel().select(2));
        waitFor(() -> !app[0].libraryViewModel().busyProperty().get(), 60);
        Thread.sleep(300);
        if (main) {
            onFx(() -> snap(stage[0], out.resolve("library.png")));
        }
        onFx(() -> check("library (empty)", stage[0].getScene(), width, height));
        if (recording != null) {
            replay(app[0], stage[0], recording, vm -> {
                if (!vm.nextFlag()) {
                    var d = vm.documentProperty().get();
                    vm.seek(d.startUs() + (d.endUs() - d.startUs()) / 3);
                }
            }, out.resolve("replay" + suffix + ".png"), width, height);
            // The guided routine at the playhead: 25.3 s into the gentle routine, right after its third palm circle.
            Path routine = recording.resolveSibling("gentle-routine.tactus");
            if (Files.exists(routine)) {
                replay(app[0], stage[0], routine, vm -> vm.seek(vm.documentProperty().get().startUs() + 25_300_000),
                        out.resolve("replay-routine" + suffix + ".png"), width, height);
                // and compared with the first recording: two heatmaps beside the routine panel and the notes
                onFx(() -> app[0].replayViewModel().openCompare(recording));
                waitFor(() -> app[0].replayViewModel().compareDrawnFrameProperty().get() != null, 60);
                Thread.sleep(300);
                onFx(() -> check("replay view compared", stage[0].getScene(), width, height));
                onFx(() -> app[0].replayViewModel().closeCompare());
            }
        }
        onFx(() -> {
            io.tactus.app.live.FrameFeed lf = app[0].liveViewModel().feedProperty().get();
            if (lf != null && lf.control().isPresent()) {
                io.tactus.app.dialogs.CalibrationDialog c = new io.tactus.app.dialogs.CalibrationDialog(
                        new io.tactus.app.live.CalibrationWizard(lf,
                                new io.tactus.signal.store.CalibrationStore(java.nio.file.Path.of("target/screenshot-cal"))),
                        io.tactus.app.fx.Threads.javafx());
                c.initOwner(stage[0]);
                c.initModality(javafx.stage.Modality.NONE);
                c.show();
            }
            io.tactus.app.settings.SettingsDialog d = new io.tactus.app.settings.SettingsDialog(app[0].settings());
            d.initOwner(stage[0]);
            d.initModality(javafx.stage.Modality.NONE);
            d.show();
            ShortcutsDialog k = new ShortcutsDialog(app[0].keyMap());
            k.initOwner(stage[0]);
            k.initModality(javafx.stage.Modality.NONE);
            k.show();
            // The device picker with one serial port (the same on every machine); its listing answers after it
            // is shown, with a longer text than the first one (that answer was once cut in the real window).
            io.tactus.app.live.DevicePickerDialog p = new io.tactus.app.live.DevicePickerDialog(
                    new io.tactus.app.live.DevicePickerViewModel(Threads.javafx(), new OnePort(), null, scenario));
            p.initOwner(stage[0]);
            p.initModality(javafx.stage.Modality.NONE);
            p.show();
        });
        waitFor(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot().lookup("#portStatus") instanceof javafx.scene.control.Label l
                && l.getText().contains("found")), 20);
        Thread.sleep(500);
        onFx(() -> {
            for (javafx.stage.Window w : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (w != stage[0] && w.getScene() != null) {
                    javafx.scene.Parent root = w.getScene().getRoot();
                    String name = root instanceof javafx.scene.control.DialogPane dp && dp.getHeaderText() != null
                            && dp.getHeaderText().startsWith("Calibrate") ? "calibration"
                            : root.lookup("#shortcutTable") != null ? "shortcuts"
                            : root.lookup("#portStatus") != null ? "device-picker" : "settings";
                    try {
                        if (main) { // a dialog looks the same on a larger screen: checked there, not pictured
                            Snapshots.write(w.getScene(), out.resolve(name + ".png"));
                            System.out.println("wrote " + out.resolve(name + ".png"));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!name.equals("calibration")) {
                        check(name + " dialog", w.getScene(), w.getScene().getWidth(), w.getScene().getHeight());
                        if (w.getWidth() > width || w.getHeight() > height) {
                            problem(name + " dialog: " + (int) w.getWidth() + "x" + (int) w.getHeight()
                                    + " is larger than the screen");
                        }
                    }
                    if (name.equals("shortcuts")) {
                        shortcutTable(root);
                    }
                    w.hide();
                }
            }
        });
        // The glove: its own view in place of the mat.
        onFx(() -> app[0].liveViewModel().connect("simulated glove", () -> new io.tactus.app.live.LiveSessionFeed(
                new io.tactus.session.LiveSession(new io.tactus.device.sim.SimulatedSource(
                        io.tactus.device.sim.ScenarioStream.open(io.tactus.device.sim.Scenarios.GLOVE,
                                io.tactus.device.sim.SimOptions.defaults()), 1.0),
                        io.tactus.signal.SignalPipeline::new), "simulated").start()));
        onFx(() -> app[0].root().showLive());
        waitFor(() -> app[0].liveView().gloveView().isVisible()
                && app[0].liveView().gloveView().regionText().matches("Under the hand: [A-Z].*"), 60);
        Thread.sleep(1500); // a little pose trail
        onFx(() -> snap(stage[0], out.resolve("live-glove" + suffix + ".png")));
        onFx(() -> check("glove view", stage[0].getScene(), width, height));
        System.out.println("layout: " + problems.size() + " problem(s)");
        onFx(() -> {
            app[0].shutdown();
            stage[0].close();
        });
        Platform.exit();
        System.exit(0);
    }

    /** Opens {@code file} in the replay view, waits for its scan, moves the playhead, pictures and checks it. */
    private static void replay(AppController app, Stage stage, Path file,
                               java.util.function.Consumer<io.tactus.app.replay.ReplayViewModel> move, Path png,
                               double width, double height) throws InterruptedException {
        var vm = app.replayViewModel();
        onFx(() -> app.openRecording(file));
        waitFor(() -> vm.documentProperty().get() != null
                && vm.documentProperty().get().file().getFileName().equals(file.getFileName()), 60);
        // the scan's flags and chart are in the picture, and the playhead can go to the first flag
        waitFor(() -> vm.scanProgressProperty().get() == 1.0, 60);
        onFx(() -> move.accept(vm));
        waitFor(() -> vm.settledProperty().get(), 20);
        Thread.sleep(300); // a few pulses: the heatmap and the outline drawn
        onFx(() -> snap(stage, png));
        onFx(() -> check("replay view (" + file.getFileName() + ")", stage.getScene(), width, height));
    }

    /**
     * Silent, and says what the real alarm says on a machine without an audio device (a trainee's laptop with its
     * sound off, any Xvfb): the longest status-bar text of an ordinary session, which once widened the live view
     * past a 1366 px screen and cut the gauges off.
     */
    private static final class NoAudioDevice implements AlertSound {
        @Override
        public void play(Kind kind) {
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String describe() {
            return "sound unavailable (no audio device)";
        }
    }

    /** The standard sources with one serial port listed, whatever the machine has. */
    private static final class OnePort implements io.tactus.app.live.Sources {
        private final StandardSources standard = new StandardSources();

        @Override
        public java.util.List<String> scenarios() {
            return standard.scenarios();
        }

        @Override
        public String defaultScenario() {
            return standard.defaultScenario();
        }

        @Override
        public boolean simulatorAvailable() {
            return standard.simulatorAvailable();
        }

        @Override
        public java.util.List<io.tactus.device.serial.PortInfo> ports() {
            return java.util.List.of(new io.tactus.device.serial.PortInfo("/dev/ttyACM0", "", "", 0, 0, "", ""));
        }

        @Override
        public io.tactus.app.live.FrameFeed open(io.tactus.app.live.DeviceChoice choice) throws Exception {
            return standard.open(choice);
        }
    }

    private static final java.util.List<String> problems = new java.util.ArrayList<>();

    private static void problem(String p) {
        problems.add(p);
        System.out.println("layout problem: " + p);
    }

    /** Nodes outside the window and cut texts, in the real window with its real fonts. */
    private static void check(String what, Scene scene, double width, double height) {
        LayoutChecks.outside(scene.getRoot(), width, height).forEach(p -> problem(what + ": outside: " + p));
        LayoutChecks.truncatedLabels(scene.getRoot()).forEach(p -> problem(what + ": cut: " + p));
        LayoutChecks.overflowing(scene.getRoot()).forEach(p -> problem(what + ": overflow: " + p));
    }

    /** The shortcuts are a clean two-column table: every row a keys cell and a what cell, left-aligned columns. */
    private static void shortcutTable(javafx.scene.Parent root) {
        javafx.scene.layout.GridPane t = (javafx.scene.layout.GridPane) root.lookup("#shortcutTable");
        java.util.Map<Integer, Double> columnX = new java.util.HashMap<>();
        for (javafx.scene.Node n : t.getChildren()) {
            Integer span = javafx.scene.layout.GridPane.getColumnSpan(n);
            if (span != null && span > 1) {
                continue; // a section heading
            }
            int col = javafx.scene.layout.GridPane.getColumnIndex(n) == null ? 0
                    : javafx.scene.layout.GridPane.getColumnIndex(n);
            double x = n.getBoundsInParent().getMinX();
            Double first = columnX.putIfAbsent(col, x);
            if (col > 1 || first != null && Math.abs(first - x) > 0.5) {
                problem("shortcuts dialog: cell " + n + " is not in a clean two-column table");
            }
        }
        if (columnX.size() != 2) {
            problem("shortcuts dialog: " + columnX.size() + " columns");
        }
    }

    private static void snap(Stage stage, Path png) {
        try {
            Snapshots.write(stage.getScene(), png);
            System.out.println("wrote " + png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("FX thread did not answer");
        }
    }

    private static <T> T get(java.util.function.Supplier<T> s) throws InterruptedException {
        Object[] v = new Object[1];
        onFx(() -> v[0] = s.get());
        @SuppressWarnings("unchecked")
        T t = (T) v[0];
        return t;
    }

    private static void waitFor(java.util.function.BooleanSupplier cond, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean[] ok = {false};
            onFx(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
