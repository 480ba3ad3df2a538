package io.tactus.bench;

import io.tactus.app.AppController;
import io.tactus.app.fx.Threads;
import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.FrameFeed;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.live.Sources;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.serial.PortInfo;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.SimulatedSource;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * End-to-end alert latency in the real app window (run under Xvfb by bench/alert-latency.sh): the simulator's
 * `mistakes` scenario loops at a speed-up so alerts come often; for every new alert the live view model records
 * the time from the confirming frame's arrival (TimedPacket.hostNanos, stamped where a serial reader would stamp
 * it) to the FX pulse that applies the alert. The built-in routine runs (unless the 4th argument is "no-routine"),
 * so the pulses also apply the coaching pictures the processing thread publishes. Prints the percentiles, and as
 * a reference measured in the same run the median time of a fixed loop (2 million multiply-adds) on the FX
 * thread. Arguments: [seconds] [grid] [speed] [routine|no-routine].
 */
public final class AlertLatencyMain {

    private AlertLatencyMain() {
    }

    /** Keeps the reference loop's result alive. */
    private static double sink;

    /** The reference: a fixed amount of arithmetic, for comparing machines and loads. */
    private static double referenceLoop(int seed) {
        double a = seed;
        for (int i = 0; i < 2_000_000; i++) {
            a = a * 0.999_999 + 1.0;
        }
        return a;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        int grid = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        double speed = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        boolean routine = args.length <= 3 || !args[3].equals("no-routine");
        Sources sim = new Sources() {
            @Override
            public List<String> scenarios() {
                return List.of("mistakes");
            }

            @Override
            public String defaultScenario() {
                return "mistakes";
            }

            @Override
            public boolean simulatorAvailable() {
                return true;
            }

            @Override
            public List<PortInfo> ports() {
                return List.of();
            }

            @Override
            public FrameFeed open(DeviceChoice choice) {
                SimulatedSource source = new SimulatedSource(ScenarioStream.open("mistakes",
                        SimOptions.defaults().withGrid(grid, grid).withLoop(true)), speed);
                return new LiveSessionFeed(new LiveSession(source, SignalPipeline::new), "simulated").start();
            }
        };
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AppController[] app = new AppController[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                app[0] = new AppController(Threads.javafx(),
                        new SettingsStore(Files.createTempDirectory("tactus-latency")), AppSettings.defaults(),
                        new AlertSound.Silent(), sim);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Scene scene = new Scene(app[0].root(), 1280, 800);
            Stage stage = new Stage();
            app[0].install(stage, scene);
            stage.setScene(scene);
            stage.show();
            app[0].connectDefault();
            shown.countDown();
        });
        shown.await();
        if (routine) {
            Thread.sleep(2000); // the device's HELLO: a routine needs the pipeline
            Platform.runLater(() -> app[0].liveViewModel().coach().start(null));
        }
        Thread.sleep((long) (seconds * 1000));
        CountDownLatch read = new CountDownLatch(1);
        long[] r = new long[8];
        Platform.runLater(() -> {
            var lat = app[0].liveViewModel().alerts().latencies();
            var fx = app[0].liveView().frameTimer();
            r[0] = lat.count();
            r[1] = lat.percentile(50);
            r[2] = lat.percentile(90);
            r[3] = lat.percentile(100);
            r[4] = fx.count();
            r[5] = fx.percentile(50);
            r[6] = fx.percentile(99);
            long[] loops = new long[21];
            for (int i = 0; i < loops.length; i++) {
                long t0 = System.nanoTime();
                sink += referenceLoop(i);
                loops[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(loops);
            r[7] = loops[loops.length / 2];
            read.countDown();
        });
        read.await();
        System.out.printf(Locale.ROOT, "%dx%d, mistakes at %.0fx for %.0f s: %d alerts; latency median %.2f ms, "
                        + "p90 %.2f ms, max %.2f ms; FX pulse handler over %d frames p50 %.2f ms, p99 %.2f ms%n",
                grid, grid, speed, seconds, r[0], r[1] / 1e6, r[2] / 1e6, r[3] / 1e6, r[4], r[5] / 1e6, r[6] / 1e6);
        System.out.printf(Locale.ROOT, "routine %s; reference on the FX thread, same run: 2M multiply-adds median "
                + "%.2f ms (%s)%n", routine ? "running" : "off", r[7] / 1e6, sink == 42 ? "" : "ok");
        Platform.runLater(app[0]::shutdown);
        Thread.sleep(300);
        System.exit(0);
    }
}
