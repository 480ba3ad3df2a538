package io.tactus.app.live;

import io.tactus.session.PipelineCommands;
import io.tactus.signal.calibration.CalibrationFitter;
import io.tactus.signal.store.CalibrationStore;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.UserCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The calibration wizard's state, without any UI: known masses are placed on a known area one after the other;
 * each capture pairs the mean counts of the loaded cells (the core's {@code captureLoadPoint}, on the processing
 * thread) with the pressure really applied; a fit over the points (Commons Math, via {@link CalibrationFitter})
 * reports its error; applying sends it to the core as a recorded {@code calibration} command and saves it for the
 * device's serial number, so it is reused next time. Methods return futures; none blocks the caller.
 */
public final class CalibrationWizard {

    private final FrameFeed feed;
    private final FeedControl control;
    private final CalibrationStore store;
    private final List<LoadPoint> points = new ArrayList<>();
    private UserCalibration fitted;

    /** @throws IllegalArgumentException when {@code feed} has no pipeline to calibrate */
    public CalibrationWizard(FrameFeed feed, CalibrationStore store) {
        this.feed = feed;
        this.control = feed.control().orElseThrow(
                () -> new IllegalArgumentException(feed.name() + " has no live pipeline to calibrate"));
        this.store = store;
    }

    /** Captures the current frame as a load point for {@code kg} resting on {@code areaCm2}. */
    public CompletableFuture<LoadPoint> capture(double kg, double areaCm2) {
        double kpa = LoadPoint.ofMass(kg, areaCm2, 0).kpa();
        return control.query(p -> p.captureLoadPoint(kpa)).thenApply(lp -> {
            synchronized (points) {
                points.add(lp);
            }
            return lp;
        });
    }

    public List<LoadPoint> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    /**
     * Fits a curve through the captured points (power law by default: published validation found it far better
     * than linear for piezoresistive mats).
     *
     * @throws IllegalArgumentException with a one-line reason when the points cannot support the model
     */
    public UserCalibration fit(CalibrationFitter.Model model) {
        String serial = feed.descriptor() == null ? "unknown" : feed.descriptor().serial();
        fitted = CalibrationFitter.fit(serial, points(), model, 3);
        return fitted;
    }

    /** Applies the last fit to the live core (recorded, so replays use it from the same frame) and saves it. */
    public CompletableFuture<Void> apply() {
        UserCalibration cal = fitted;
        if (cal == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("fit the points first"));
        }
        return control.execute(PipelineCommands.calibration(cal))
                .thenRun(() -> store.save(cal));
    }
}
