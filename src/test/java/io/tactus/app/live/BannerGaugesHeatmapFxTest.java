package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.app.heat.DisplayOptions;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.SourceState;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11 section 2 on a scripted stream, one 10 ms frame at a time, with the real LiveView: the banner, the
 * gauges and the heatmap agree at every step (same alert regions, no data everywhere at once), an alert names
 * value and limit, clears within 0.5 s of its cause, goes into the history, and a stopped stream reads as
 * "no data" within 0.5 s and recovers by itself.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class BannerGaugesHeatmapFxTest {

    private static final long MS = 1_000_000L;
    private static final double HARD_MAX = 88;
    private final AlertSound.Silent sound = new AlertSound.Silent();
    private LiveViewModel vm;
    private LiveView view;
    private FakeFeed feed;
    private long now;
    private final List<String> log = new ArrayList<>();

    @Start
    void start(Stage stage) {
        vm = new LiveViewModel(Threads.inline(), sound);
        vm.bandsProperty().set(r -> new RegionBand(10, 40, HARD_MAX));
        view = new LiveView(vm, new DisplayOptions());
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
        feed = new FakeFeed(32, 32);
        vm.connect("script", () -> feed);
    }

    /** Advances 10 ms: publishes a frame (unless {@code frame} is false) and pulses the view, then checks. */
    private void step(boolean frame, BodyRegion pressed, double kpa, boolean flagged) {
        now += 10 * MS;
        if (frame) {
            double[] peaks = new double[BodyRegion.values().length];
            if (pressed != null) {
                peaks[pressed.ordinal()] = kpa;
            }
            List<FlagEvent> open = flagged ? List.of(new FlagEvent(FlagType.EXCESS_PRESSURE, 0, FlagEvent.OPEN,
                    pressed, kpa, "above hard max 88 kPa")) : List.of();
            feed.publish(now, peaks, open);
        }
        view.pulse(now);
        checkAgreement();
    }

    /** The invariant at every instant. */
    private void checkAgreement() {
        LiveViewModel.Banner b = vm.bannerProperty().get();
        Set<BodyRegion> gaugesAlerting = EnumSet.noneOf(BodyRegion.class);
        Set<BodyRegion> gaugesNoData = EnumSet.noneOf(BodyRegion.class);
        for (BodyRegion r : BodyRegion.values()) {
            if (vm.gauge(r).alertingProperty().get()) {
                gaugesAlerting.add(r);
            }
            if (vm.gauge(r).zoneProperty().get() == GaugeModel.Zone.NO_DATA) {
                gaugesNoData.add(r);
            }
        }
        String at = "at " + now / MS + " ms, banner " + b + " '" + vm.bannerTitleProperty().get() + "'";
        assertEquals(vm.alertRegions(), gaugesAlerting, "gauges marked = alert regions " + at);
        assertEquals(vm.alertRegions(), view.heatmap().outlined(), "heatmap outlines = alert regions " + at);
        assertEquals(b == LiveViewModel.Banner.ALERT, !vm.alertRegions().isEmpty(), "banner alert iff regions " + at);
        boolean noData = b == LiveViewModel.Banner.NO_DATA;
        assertEquals(noData ? EnumSet.allOf(BodyRegion.class) : EnumSet.noneOf(BodyRegion.class), gaugesNoData,
                "every gauge says no data exactly when the banner does " + at);
        assertEquals(noData, view.heatmap().stale(), "heatmap greyed exactly when the banner says no data " + at);
        assertFalse(b == LiveViewModel.Banner.OK && noData, at);
        log.add(now / MS + " " + b);
    }

    @Test
    void bannerGaugesAndHeatmapAgreeThroughAScriptedSession(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 30; i++) {
                step(true, BodyRegion.LUMBAR_L, 25, false);
            }
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            assertEquals(GaugeModel.Zone.IN_BAND, vm.gauge(BodyRegion.LUMBAR_L).zoneProperty().get());

            for (int i = 0; i < 30; i++) {
                step(true, BodyRegion.SHOULDER_R, 203, true);
            }
            assertEquals(LiveViewModel.Banner.ALERT, vm.bannerProperty().get());
            assertEquals("Too hard on Shoulder (right): 203 kPa, limit 88 kPa", vm.bannerTitleProperty().get());
            assertEquals(GaugeModel.Zone.OVER_MAX, vm.gauge(BodyRegion.SHOULDER_R).zoneProperty().get());
            assertEquals(203, vm.gauge(BodyRegion.SHOULDER_R).kpaProperty().get(), "banner and gauge: one value");
            assertEquals(1, sound.plays(), "one sound for one alert");

            long causeGone = now + 10 * MS;
            while (vm.bannerProperty().get() == LiveViewModel.Banner.ALERT) {
                step(true, null, 0, false);
                assertTrue(now - causeGone <= 500 * MS, "alert still up " + (now - causeGone) / MS + " ms after");
            }
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            AlertHistory.Entry e = vm.alerts().history().entries().get(0);
            assertEquals(BodyRegion.SHOULDER_R, e.region());
            assertEquals(203, e.peakKpa());
            assertEquals(HARD_MAX, e.limitKpa());
            assertFalse(e.open());
            assertTrue(e.line().endsWith("Too hard on Shoulder (right): 203 kPa, limit 88 kPa"), e.line());

            // Frames stop while pressing: within 0.5 s the banner says so, gauges and heatmap follow.
            step(true, BodyRegion.SHOULDER_R, 203, true);
            long stopped = now;
            while (vm.bannerProperty().get() != LiveViewModel.Banner.NO_DATA) {
                step(false, null, 0, false);
                assertTrue(now - stopped <= 500 * MS, "still not 'no data' " + (now - stopped) / MS + " ms after");
            }
            assertTrue(vm.bannerTitleProperty().get().startsWith("No data"), vm.bannerTitleProperty().get());
            // The source says it lost the device: the banner says that too.
            feed.state(SourceState.RECONNECTING);
            for (int i = 0; i < 15; i++) {
                step(false, null, 0, false);
            }
            assertTrue(vm.bannerTitleProperty().get().contains("device lost"), vm.bannerTitleProperty().get());
            // Reconnect: frames come back, and so does everything else, by itself.
            feed.state(SourceState.CONNECTED);
            for (int i = 0; i < 15; i++) {
                step(true, BodyRegion.LUMBAR_L, 25, false);
            }
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            assertFalse(view.heatmap().stale());
            assertEquals(25, vm.gauge(BodyRegion.LUMBAR_L).kpaProperty().get());
        });
        assertTrue(log.size() > 150, "checked at every step: " + log.size());
    }

    @Test
    void aStoppedSourceIsNeverOk(FxRobot robot) {
        AtomicReference<String> title = new AtomicReference<>();
        robot.interact(() -> {
            step(true, BodyRegion.LUMBAR_L, 25, false);
            feed.state(SourceState.STOPPED);
            for (int i = 0; i < 12; i++) {
                step(true, BodyRegion.LUMBAR_L, 25, false); // even a last frame in the queue does not make it OK
            }
            title.set(vm.bannerTitleProperty().get());
        });
        assertEquals(LiveViewModel.Banner.NO_DATA, vm.bannerProperty().get());
        assertTrue(title.get().contains("stopped"), title.get());
    }
}
