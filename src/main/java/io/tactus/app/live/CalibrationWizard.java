package io.tactus.app.live;

import io.tactus.session.LiveSession;
import io.tactus.session.PipelineCommand;
import io.tactus.signal.PipelineControl;
import io.tactus.signal.calibration.CalibrationFitter;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.store.CalibrationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The calibration wizard's state, without any UI: known masses are placed on a known area one after the other;
 * each capture pairs the mean counts of the loaded cells (the core's {@code captureLoadPoint}, on the processing
 * thread) with the pressure really applied; a fit over the points (Commons Math, via {@link CalibrationFitter})
 * reports its error; applying sends it to the core as a recorded {@code calibration} command and saves it for the
 * device's serial number, so it is reused next time. Methods return futures; none blocks the caller.
 */
public final class CalibrationWizard {

    private final LiveSession session;
    private final CalibrationStore store;
    private final List<LoadPoint> points = new ArrayList<>();
    private UserCalibration fitted;

    public CalibrationWizard(LiveSession session, CalibrationStore store) {
        this.session = session;
        this.store = store;
    }

    /** Captures the current frame as a load point for {@code kg} resting on {@code areaCm2}. */
    public CompletableFuture<LoadPoint> capture(double kg, double areaCm2) {
        double kpa = LoadPoint.ofMass(kg, areaCm2, 0).kpa();
        return session.withPipeline(p -> p.captureLoadPoint(kpa)).thenApply(lp -> {
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
        String serial = session.descriptor() == null ? "unknown" : session.descriptor().serial();
        fitted = CalibrationFitter.fit(serial, points(), model, 3);
        return fitted;
    }

    /** Applies the last fit to the live core (recorded, so replays use it from the same frame) and saves it. */
    public CompletableFuture<Void> apply() {
        UserCalibration cal = fitted;
        if (cal == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("fit the points first"));
        }
        return session.execute(new PipelineCommand("calibration", Map.of("json", PipelineControl.toJson(cal))))
                .thenRun(() -> store.save(cal));
    }
}
