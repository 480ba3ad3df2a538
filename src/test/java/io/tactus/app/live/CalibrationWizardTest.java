package io.tactus.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.SyntheticSource;
import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.calibration.CalibrationFitter;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.store.CalibrationStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard end to end on a live session: capture known loads, fit, apply to the core, save per serial. */
class CalibrationWizardTest {

    @TempDir
    Path home;

    /** A plate on a 16x16 mat whose counts the test sets, as known masses would. */
    private static final class PlateSource implements PacketSource {
        final AtomicInteger peak = new AtomicInteger(0);
        private volatile boolean running = true;
        private Thread thread;

        @Override
        public String name() {
            return "plate";
        }

        @Override
        public void start(PacketSink sink) {
            thread = new Thread(() -> {
                int seq = 0;
                sink.onPacket(new TimedPacket(new Packet(PacketType.HELLO, seq++, 0,
                        SyntheticSource.descriptor(16, 16, 100).toJson()), System.nanoTime()));
                for (long i = 1; running; i++) {
                    int[] counts = peak.get() == 0 ? new int[256] : SyntheticSource.blob(16, 16, 8, 8, 2.5, peak.get());
                    sink.onPacket(new TimedPacket(new Packet(PacketType.FRAME_DENSE, seq++ & 0xFFFF, i * 10_000,
                            Payloads.dense(counts)), System.nanoTime()));
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "plate");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public LinkStats stats() {
            return LinkStats.EMPTY;
        }

        @Override
        public void close() {
            running = false;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Waits (generous deadline) until the core has processed a few frames after the load changed. */
    private static void settle(LiveSession session) throws InterruptedException {
        long start = session.version();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (session.version() < start + 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void capturesFitsAppliesAndSaves() throws Exception {
        PlateSource plate = new PlateSource();
        CalibrationStore store = new CalibrationStore(home);
        try (LiveSession session = new LiveSession(plate, SignalPipeline::new)) {
            session.start();
            CalibrationWizard wizard = new CalibrationWizard(new LiveSessionFeed(session, "test"), store);
            int[] peaks = {300, 800, 2000};
            double[] kg = {1, 2, 5};
            for (int i = 0; i < peaks.length; i++) {
                plate.peak.set(peaks[i]);
                settle(session);
                LoadPoint lp = wizard.capture(kg[i], 100).get(10, TimeUnit.SECONDS);
                assertEquals(kg[i] * LoadPoint.G / 0.01 / 1000, lp.kpa(), 1e-9, "kPa = m g / A");
                assertTrue(lp.counts() > 0, lp.toString());
            }
            assertEquals(3, wizard.points().size());
            assertTrue(wizard.points().get(2).counts() > wizard.points().get(0).counts(), "more load, more counts");

            UserCalibration cal = wizard.fit(CalibrationFitter.Model.POWER);
            assertTrue(Double.isFinite(cal.rmsErrorPct()), cal.toString());
            wizard.apply().get(10, TimeUnit.SECONDS);
            assertEquals("user", session.withPipeline(p -> p.calibrationState().source()).get(10, TimeUnit.SECONDS));
            assertTrue(store.load("T1").isPresent(), "saved for the device's serial number");
        }
    }

    @Test
    void fittingWithoutEnoughLoadsSaysWhy() {
        try (LiveSession session = new LiveSession(new PlateSource(), SignalPipeline::new)) {
            CalibrationWizard wizard = new CalibrationWizard(new LiveSessionFeed(session, "test"), new CalibrationStore(home));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> wizard.fit(CalibrationFitter.Model.POWER));
            assertTrue(e.getMessage().contains("at least"), e.getMessage());
            assertTrue(wizard.apply().isCompletedExceptionally());
        }
    }
}
