package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.SyntheticSource;
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
 * "no data" within 0.5 s and recovers by itself. The first test scripts the core's output directly; the second
 * drives the real signal core with raw counts (its debounce, flag ends, region peaks and limits), and also checks
 * at every step that the heatmap drew the very frame the gauges read, that the heatmap's highest pressure is the
 * highest gauge, and that the banner never says OK while the core holds a flag open.
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
    private boolean realCore;

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
        boolean nothingMeasured = noData || b == LiveViewModel.Banner.NOT_CONNECTED;
        assertEquals(nothingMeasured ? EnumSet.allOf(BodyRegion.class) : EnumSet.noneOf(BodyRegion.class), gaugesNoData,
                "every gauge says no data exactly when the banner does " + at);
        assertEquals(noData, view.heatmap().stale(), "heatmap greyed exactly when the banner says no data " + at);
        assertFalse(b == LiveViewModel.Banner.OK && noData, at);
        if (b == LiveViewModel.Banner.ALERT) { // the banner's number is the one its region's gauge shows
            BodyRegion r = vm.alerts().topRegion();
            javafx.scene.control.Label shown = (javafx.scene.control.Label) view.lookup("#gauge-" + r.id())
                    .lookup("#gauge-value");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (peak )?(\\d+ kPa)(, limit|$)")
                    .matcher(vm.bannerTitleProperty().get());
            assertTrue(m.find(), "the banner states a value " + at);
            boolean causeOpen = vm.frame().activeFlags().stream().anyMatch(f -> AlertState.outlined(f.type(),
                    f.region()) == r);
            if (m.group(1) == null) {
                assertEquals(shown.getText(), m.group(2), "banner value = " + r + " gauge's value " + at);
            } else { // a peak, labelled so, only in the hold after the core ended the flag
                assertFalse(causeOpen, "the banner gives a peak while the cause lasts " + at);
            }
        }
        for (BodyRegion r : BodyRegion.values()) { // no contact is a number, no data says so: never a bare dash
            String shown = ((javafx.scene.control.Label) view.lookup("#gauge-" + r.id()).lookup("#gauge-value"))
                    .getText();
            assertEquals(nothingMeasured ? "No data" : String.format(java.util.Locale.ROOT, "%.0f kPa",
                    vm.gauge(r).kpaProperty().get()), shown, r + " gauge text " + at);
        }
        if (vm.live()) {
            float[] drawn = view.heatmap().drawnKpa();
            assertTrue(drawn == vm.frame().kpa(), "the heatmap shows the frame the gauges read " + at);
            double drawnMax = 0;
            for (float v : drawn) {
                drawnMax = Math.max(drawnMax, v);
            }
            double gaugeMax = 0;
            for (BodyRegion r : BodyRegion.values()) {
                var rv = vm.frame().region(r);
                double peak = rv == null ? 0 : rv.peakKpa();
                assertEquals(peak, vm.gauge(r).kpaProperty().get(), 1e-9, r + " gauge = the frame's peak " + at);
                gaugeMax = Math.max(gaugeMax, peak);
            }
            if (realCore) { // a scripted FakeFeed frame has region peaks but no cell pressure
                assertEquals(drawnMax, gaugeMax, 1e-3, "heatmap's highest pressure = highest gauge " + at);
            }
            assertTrue(b != LiveViewModel.Banner.OK || vm.frame().activeFlags().isEmpty(),
                    "never OK while the core holds a flag open " + at + " " + vm.frame().activeFlags());
        }
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
            // Easing off but still over the limit: the banner follows the gauge, the history keeps the peak.
            for (int i = 0; i < 10; i++) {
                step(true, BodyRegion.SHOULDER_R, 150, true);
            }
            assertEquals("Too hard on Shoulder (right): 150 kPa, limit 88 kPa", vm.bannerTitleProperty().get());
            assertTrue(vm.alerts().history().entries().get(0).line()
                    .endsWith("Too hard on Shoulder (right): peak 203 kPa, limit 88 kPa"));

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
            assertTrue(e.line().endsWith("Too hard on Shoulder (right): peak 203 kPa, limit 88 kPa"), e.line());

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

    /** Advances 10 ms on the real core: a frame with one round press (null: nothing, or no frame at all). */
    private void coreStep(CoreFeed core, boolean frame, double col, double row, int counts) {
        now += 10 * MS;
        if (frame) {
            core.frame(counts == 0 ? new int[N * N] : SyntheticSource.blob(N, N, col, row, 1.0, counts), now);
        }
        view.pulse(now);
        checkAgreement();
    }

    private static final int N = 32;

    @Test
    void theRealCoresAlertsAgreeWithGaugesAndHeatmapAndClearInTime(FxRobot robot) {
        CoreFeed core = new CoreFeed(N, N, 100);
        realCore = true;
        robot.interact(() -> {
            vm.bandsProperty().set(r -> null); // gauges without bands: the test is about values, alerts and no data
            vm.connect("core", () -> core);
            // Light work on the lower back (left): 25 kPa, no alert.
            for (int i = 0; i < 50; i++) {
                coreStep(core, true, 8, 21, 100);
            }
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            assertEquals(25, vm.gauge(BodyRegion.LUMBAR_L).kpaProperty().get(), 0.5);

            // Hard on the right shoulder (150 kPa): the core confirms, the banner names place, value and limit.
            long pressed = now + 10 * MS;
            while (vm.bannerProperty().get() != LiveViewModel.Banner.ALERT) {
                coreStep(core, true, 24, 1, 600);
                assertTrue(now - pressed <= 1_000 * MS, "no alert " + (now - pressed) / MS + " ms after pressing");
            }
            String title = vm.bannerTitleProperty().get();
            assertTrue(title.matches("Too hard on Shoulder \\(right\\): \\d+ kPa, limit \\d+ kPa"), title);
            assertTrue(vm.alertRegions().contains(BodyRegion.SHOULDER_R));
            for (int i = 0; i < 30; i++) {
                coreStep(core, true, 24, 1, 600);
            }

            // The hand lifts: the core ends its flag, the banner clears within 0.5 s.
            long lifted = now + 10 * MS;
            while (vm.bannerProperty().get() == LiveViewModel.Banner.ALERT) {
                coreStep(core, true, 0, 0, 0);
                assertTrue(now - lifted <= 500 * MS, "alert still up " + (now - lifted) / MS + " ms after lifting");
            }
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            assertTrue(vm.alerts().history().entries().stream().anyMatch(e -> e.region() == BodyRegion.SHOULDER_R
                    && !e.open()), "the alert is in the history, closed");

            // On the spine (40 kPa), then sliding out to the right shoulder without lifting: the alert follows.
            pressed = now + 10 * MS;
            while (vm.bannerProperty().get() != LiveViewModel.Banner.ALERT) {
                coreStep(core, true, 16, 10, 160);
                assertTrue(now - pressed <= 1_000 * MS, "no spine alert " + (now - pressed) / MS + " ms after");
            }
            assertTrue(vm.bannerTitleProperty().get().matches("On the spine: \\d+ kPa, limit \\d+ kPa"),
                    vm.bannerTitleProperty().get());
            for (int i = 0; i <= 80; i++) {
                coreStep(core, true, 16 + 8 * i / 80.0, 10 - 9 * i / 80.0, 160 + 440 * i / 80);
            }
            assertTrue(vm.alertRegions().contains(BodyRegion.SHOULDER_R), vm.alertRegions().toString());

            // Frames stop mid-press: "no data" within 0.5 s, gauges and heatmap with it; back by themselves.
            long stopped = now;
            while (vm.bannerProperty().get() != LiveViewModel.Banner.NO_DATA) {
                coreStep(core, false, 0, 0, 0);
                assertTrue(now - stopped <= 500 * MS, "still not 'no data' " + (now - stopped) / MS + " ms after");
            }
            assertTrue(view.heatmap().stale());
            assertTrue(view.heatmap().trailsShown() > 0, "the hand's trail is still drawn for orientation");
            double chroma = io.tactus.app.Snapshots.maxChroma(view.heatmap());
            assertTrue(chroma < 0.03, "no data: the whole map is grey, trails included (max chroma " + chroma + ")");
            for (int i = 0; i < 60; i++) {
                coreStep(core, true, 8, 21, 100);
            }
            assertTrue(io.tactus.app.Snapshots.maxChroma(view.heatmap()) > 0.2, "live again: in colour");
            assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get());
            assertFalse(view.heatmap().stale());
        });
        assertTrue(log.size() > 300, "checked at every step: " + log.size());
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

    @Test
    void aSourceThatEndsLeavesItsLastPictureGreyedNotNoDevice(FxRobot robot) {
        AtomicReference<String> placeholder = new AtomicReference<>();
        robot.interact(() -> {
            for (int i = 0; i < 10; i++) {
                step(true, BodyRegion.LUMBAR_L, 25, false);
            }
            feed.state(SourceState.STOPPED); // a scenario or a played recording ended: no frame comes after
            for (int i = 0; i < 30; i++) {
                step(false, null, 0, false);
            }
            placeholder.set(view.heatmap().placeholderText());
        });
        assertEquals(LiveViewModel.Banner.NO_DATA, vm.bannerProperty().get());
        assertTrue(view.heatmap().stale(), "the last picture greyed out");
        assertEquals(null, placeholder.get(), "not replaced by words denying the device the status bar names");
    }
}
