package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.SourceState;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyRegion;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live view model without a stage: pulses are called by hand with a scripted feed. */
class LiveViewModelTest {

    private static final long MS = 1_000_000L;
    private final AlertSound.Silent sound = new AlertSound.Silent();
    private LiveViewModel vm;
    private FakeFeed feed;

    @BeforeEach
    void setUp() {
        vm = new LiveViewModel(Threads.inline(), sound);
        feed = new FakeFeed(8, 8);
        vm.connect("fake", () -> feed);
    }

    @Test
    void gaugesSayNoDataUntilTheFirstFrameAndAfterDisconnecting() {
        LiveViewModel fresh = new LiveViewModel(Threads.inline(), sound);
        for (BodyRegion r : BodyRegion.values()) {
            assertEquals(GaugeModel.Zone.NO_DATA, fresh.gauge(r).zoneProperty().get(), "not connected: " + r);
            assertEquals(GaugeModel.Zone.NO_DATA, vm.gauge(r).zoneProperty().get(), "no frame yet: " + r);
        }
        feed.publish(1, new double[BodyRegion.values().length], List.of());
        vm.pulse(MS);
        assertEquals(GaugeModel.Zone.IDLE, vm.gauge(BodyRegion.SPINE).zoneProperty().get(), "no contact: idle");
        vm.disconnect();
        assertEquals(GaugeModel.Zone.NO_DATA, vm.gauge(BodyRegion.SPINE).zoneProperty().get(), "disconnected");
    }

    @Test
    void withNoHandOnTheBackTheBannerSaysWhatToDoNotOk() {
        feed.publish(1, new double[BodyRegion.values().length], List.of());
        vm.pulse(MS);
        assertEquals(LiveViewModel.Banner.OK, vm.bannerProperty().get(), "nothing flagged");
        assertEquals("No contact", vm.bannerTitleProperty().get());
        assertTrue(vm.bannerDetailProperty().get().startsWith("Place your hands"), vm.bannerDetailProperty().get());
        double[] peaks = new double[BodyRegion.values().length];
        peaks[BodyRegion.LUMBAR_L.ordinal()] = 25;
        feed.publish(2 * MS, peaks, List.of());
        vm.pulse(2 * MS);
        assertEquals("Pressure OK", vm.bannerTitleProperty().get());
    }

    @Test
    void pullsOnlyNewFrames() {
        assertFalse(vm.pulse(1 * MS), "nothing published yet");
        feed.publish(0, null, List.of());
        assertTrue(vm.pulse(2 * MS));
        assertFalse(vm.pulse(3 * MS), "same version: nothing to draw");
        assertEquals(1, vm.framesShownProperty().get());
    }

    @Test
    void spineContactRaisesAlertWithSoundAndOutline() {
        FlagEvent spine = new FlagEvent(FlagType.SPINE_CONTACT, 1000, FlagEvent.OPEN, BodyRegion.SPINE, 40, "");
        feed.event(new FeedEvent.FlagStarted(spine, 5 * MS));
        double[] peaks = new double[BodyRegion.values().length];
        peaks[BodyRegion.SPINE.ordinal()] = 40;
        feed.publish(5 * MS, peaks, List.of(spine));
        vm.pulse(12 * MS);
        assertTrue(vm.alertActiveProperty().get());
        assertEquals(FlagType.SPINE_CONTACT, vm.alertTypeProperty().get());
        assertEquals("On the spine: 40 kPa", vm.alertTitleProperty().get(), "no limit known from a scripted feed");
        assertEquals(LiveViewModel.Banner.ALERT, vm.bannerProperty().get());
        assertEquals(vm.alertTitleProperty().get(), vm.bannerTitleProperty().get());
        assertTrue(vm.alertRegions().contains(BodyRegion.SPINE));
        assertEquals(1, sound.plays());
        assertEquals(AlertSound.Kind.SPINE, sound.last());
        assertEquals(7 * MS, vm.alerts().lastLatencyNanos());
        // still open in the next frame: no second sound
        peaks[BodyRegion.SPINE.ordinal()] = 32; // easing off, still on the spine: the banner says the value now
        feed.publish(15 * MS, peaks, List.of(spine));
        vm.pulse(20 * MS);
        assertEquals(1, sound.plays());
        assertEquals("On the spine: 32 kPa", vm.alertTitleProperty().get());
        assertEquals(32, vm.gauge(BodyRegion.SPINE).kpaProperty().get(), "the spine gauge shows the same number");
    }

    @Test
    void aShortTouchStaysVisibleForTheHoldTime() {
        FlagEvent bone = new FlagEvent(FlagType.BONE_CONTACT, 1000, FlagEvent.OPEN, BodyRegion.SCAPULA_L, 60, "");
        feed.event(new FeedEvent.FlagStarted(bone, 1));
        feed.event(new FeedEvent.FlagEnded(new FlagEvent(FlagType.BONE_CONTACT, 1000, 2000, BodyRegion.SCAPULA_L, 60,
                "")));
        feed.publish(1, null, List.of());
        vm.pulse(100 * MS);
        assertTrue(vm.alertActiveProperty().get(), "shown although it already ended");
        assertEquals("On the bone: Shoulder blade (left): peak 60 kPa", vm.alertTitleProperty().get(),
                "the cause is gone: the number is its peak, labelled so (the gauge says 0 kPa now)");
        vm.pulse(100 * MS + AlertState.HOLD_NANOS - MS);
        assertTrue(vm.alertActiveProperty().get());
        vm.pulse(100 * MS + AlertState.HOLD_NANOS + MS);
        assertFalse(vm.alertActiveProperty().get());
        assertTrue(vm.alertRegions().isEmpty());
    }

    @Test
    void mutedAlertsMakeNoSound() {
        vm.mutedProperty().set(true);
        FlagEvent ex = new FlagEvent(FlagType.EXCESS_PRESSURE, 0, FlagEvent.OPEN, BodyRegion.SHOULDER_R, 300, "");
        feed.publish(1, null, List.of(ex));
        vm.pulse(MS);
        assertTrue(vm.alertActiveProperty().get(), "found from the frame's open flags alone");
        assertEquals(0, sound.plays());
        assertEquals("sound muted", vm.status().soundTextProperty().get());
    }

    @Test
    void gaugesFollowRegionPeaksAgainstTheBand() {
        vm.bandsProperty().set(r -> new RegionBand(20, 60, 100));
        double[] peaks = new double[BodyRegion.values().length];
        peaks[BodyRegion.LUMBAR_L.ordinal()] = 40;
        peaks[BodyRegion.LUMBAR_R.ordinal()] = 150;
        peaks[BodyRegion.THORACIC_L.ordinal()] = 10;
        feed.publish(1, peaks, List.of());
        vm.pulse(MS);
        assertEquals(40, vm.gauge(BodyRegion.LUMBAR_L).kpaProperty().get());
        assertEquals(GaugeModel.Zone.IN_BAND, vm.gauge(BodyRegion.LUMBAR_L).zoneProperty().get());
        assertEquals(GaugeModel.Zone.OVER_MAX, vm.gauge(BodyRegion.LUMBAR_R).zoneProperty().get());
        assertEquals(GaugeModel.Zone.BELOW, vm.gauge(BodyRegion.THORACIC_L).zoneProperty().get());
        assertEquals(GaugeModel.Zone.IDLE, vm.gauge(BodyRegion.SPINE).zoneProperty().get());
    }

    @Test
    void statusBarShowsCountsAndRate() {
        feed.publish(1, null, List.of());
        vm.pulse(1_000 * MS);
        for (int i = 0; i < 50; i++) {
            feed.publish(1, null, List.of());
        }
        vm.pulse(1_500 * MS);
        assertEquals("100 fps", vm.status().rateTextProperty().get());
        assertTrue(vm.status().linkTextProperty().get().contains("dropped 2"));
        assertTrue(vm.status().linkTextProperty().get().contains("corrupt 1"));
        assertEquals(SourceState.CONNECTED, vm.stateProperty().get());
        // frames stop: once the banner says "No data" the rate says 0, not the last half second's 100 fps
        vm.pulse(1_500 * MS + LiveViewModel.NO_DATA_NANOS + MS);
        assertEquals(LiveViewModel.Banner.NO_DATA, vm.bannerProperty().get());
        assertEquals("0 fps", vm.status().rateTextProperty().get());
    }

    @Test
    void markerFromTheReceiverIsShownThenFades() {
        feed.event(new FeedEvent.Marker(0, 1, 1, ""));
        vm.pulse(MS);
        assertEquals("Receiver: TOO MUCH", vm.markerTextProperty().get());
        vm.pulse(MS + 5_000 * MS);
        assertEquals("", vm.markerTextProperty().get());
    }

    @Test
    void deviceTextsAreShownWithoutControlCharacters() {
        feed.event(new FeedEvent.Marker(0, 1, 1, "ouch\u001b]0;pwned\u0007\nnext"));
        feed.event(new FeedEvent.Message("device: \u202eevil\u001b[2J"));
        vm.pulse(MS);
        assertEquals("Receiver: TOO MUCH (ouch]0;pwned next)", vm.markerTextProperty().get());
        assertEquals("device: evil[2J", vm.messageTextProperty().get());
    }

    @Test
    void disconnectClosesTheFeedAndClearsTheAlert() {
        FlagEvent spine = new FlagEvent(FlagType.SPINE_CONTACT, 0, FlagEvent.OPEN, BodyRegion.SPINE, 40, "");
        feed.publish(1, null, List.of(spine));
        vm.pulse(MS);
        assertSame(feed, vm.feedProperty().get());
        vm.disconnect();
        assertTrue(feed.closed());
        assertNull(vm.feedProperty().get());
        assertFalse(vm.alertActiveProperty().get());
        assertEquals(SourceState.STOPPED, vm.stateProperty().get());
    }

    @Test
    void afterADisconnectTheStatusBarNamesNoDeviceAndNoCalibration() {
        feed.publish(1, null, List.of());
        feed.event(new FeedEvent.Message("device: warming up"));
        vm.pulse(MS);
        assertEquals("fake", vm.status().deviceNameProperty().get());
        assertTrue(vm.status().calibrationTextProperty().get().startsWith("Calibration: "),
                vm.status().calibrationTextProperty().get());
        assertEquals("device: warming up", vm.messageTextProperty().get());
        vm.disconnect();
        assertEquals("No device", vm.status().deviceNameProperty().get());
        assertEquals("", vm.status().calibrationTextProperty().get(), "nothing, not a dash");
        assertEquals("", vm.status().linkTextProperty().get());
        assertEquals("", vm.status().rateTextProperty().get());
        assertEquals("", vm.messageTextProperty().get(), "the last device's words are gone with it");
    }

    @Test
    void aFailedConnectionSaysWhy() {
        vm.connect("ttyX", () -> {
            throw new IllegalStateException("permission denied on /dev/ttyX");
        });
        assertEquals(SourceState.FAILED, vm.stateProperty().get());
        assertTrue(vm.statusTextProperty().get().contains("permission denied"));
    }
}
