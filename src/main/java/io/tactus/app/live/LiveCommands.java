package io.tactus.app.live;

import io.tactus.app.fx.Threads;
import io.tactus.render.BackDrawing;
import io.tactus.app.heat.RegionLayout;
import io.tactus.session.PipelineCommand;
import io.tactus.session.PipelineCommands;
import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.SignalSettings;
import io.tactus.signal.calibration.TareResult;
import io.tactus.signal.calibration.TareState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the trainee's toolbar asks of the live pipeline: tare, trace the spine, a settings change, recording, and
 * re-reading the core's body map and flag limits afterwards. Every call returns at once; the work runs through
 * {@link PipelineTask} and reports one line. Pipeline changes go as recorded commands, so a replay of the session
 * applies them at the same frame.
 */
final class LiveCommands {

    /**
     * What the view model gets back from the core after a registration or settings change: the region map, the
     * flag limit per region, the back illustration placed by the registration, the noise floor and contact level.
     */
    record CoreView(RegionLayout layout, Map<BodyRegion, Double> limits, BackDrawing drawing) {
    }

    private static final long POLL_MS = 200;

    private final Threads threads;
    private final Supplier<FrameFeed> feed;
    private final Consumer<String> report;
    private final PipelineTask task;
    private final Consumer<CoreView> coreView;

    LiveCommands(Threads threads, Supplier<FrameFeed> feed, Consumer<String> report, Consumer<CoreView> coreView) {
        this.threads = threads;
        this.feed = feed;
        this.report = report;
        this.coreView = coreView;
        this.task = new PipelineTask(threads, report);
    }

    private Optional<FeedControl> control(String what) {
        FrameFeed f = feed.get();
        Optional<FeedControl> c = f == null ? Optional.empty() : f.control();
        if (c.isEmpty()) {
            report.accept(what + " needs a connected device");
        }
        return c;
    }

    void tare(double seconds) {
        control("Tare").ifPresent(c -> {
            report.accept(String.format(Locale.ROOT, "Taring: keep hands off the mat for %.0f s...", seconds));
            task.run(c, "Tare failed", ctl -> {
                PipelineTask.await(ctl.execute(PipelineCommands.tare(seconds)));
                long deadline = System.nanoTime() + (long) ((seconds + 10) * 1e9);
                TareState st;
                do {
                    Thread.sleep(POLL_MS);
                    st = PipelineTask.await(ctl.query(p -> p.tareState()));
                } while (st.status() == TareState.Status.CAPTURING && System.nanoTime() < deadline);
                TareResult r = st.result();
                if (st.status() != TareState.Status.DONE || r == null) {
                    return "Tare did not finish (no frames arrived?)";
                }
                return String.format(Locale.ROOT, "Tared: %d frames, noise floor %.1f kPa, %d dead cell(s)%s",
                        r.frames(), r.noiseFloorKpa(), r.deadCells().size(),
                        r.ok() ? "" : "; " + String.join("; ", r.warnings()));
            });
        });
    }

    void startSpineTrace() {
        send("Tracing the spine", PipelineCommands.traceStart(),
                "Tracing: slide one finger slowly from the sacrum up the spine to the neck, then press Finish");
    }

    void cancelSpineTrace() {
        send("Tracing the spine", PipelineCommands.traceCancel(), "Trace cancelled");
    }

    /** Fits a straight midline to the finger's track and moves the body map onto it. */
    void finishSpineTrace() {
        control("Tracing the spine").ifPresent(c -> task.run(c, "Trace the spine", ctl -> {
            PipelineTask.await(ctl.execute(PipelineCommands.traceFinish(1)));
            Registration r = PipelineTask.await(ctl.query(p -> p.registration()));
            refreshCoreView(ctl);
            double[] m = r.midline();
            return String.format(Locale.ROOT,
                    "Spine registered: midline at %.0f mm from the left edge%s, fit error %.1f mm rms", m[0],
                    m.length > 1 ? String.format(Locale.ROOT, ", slope %.3f", m[1]) : "", r.fitRmsMm());
        }));
    }

    /** Moves a running session to a new profile and spine band width; without a device, nothing to do. */
    void applySignalSettings(SignalSettings settings) {
        FrameFeed f = feed.get();
        if (f == null || f.control().isEmpty()) {
            return;
        }
        task.run(f.control().get(), "Settings not applied to the live session", ctl -> {
            PipelineTask.await(ctl.execute(PipelineCommands.profile(settings.profile())));
            PipelineTask.await(ctl.execute(PipelineCommands.spineHalfWidth(settings.bodyMap().spineHalfWidthMm())));
            refreshCoreView(ctl);
            return "Profile now: " + settings.profile().name();
        });
    }

    /** Reads the core's body map (after registration) and per-region flag limits; quiet when there is no core. */
    void refreshCoreView() {
        FrameFeed f = feed.get();
        if (f != null && f.control().isPresent()) {
            task.run(f.control().get(), "Body map not read from the core", ctl -> {
                refreshCoreView(ctl);
                return null;
            });
        }
    }

    private void refreshCoreView(FeedControl ctl) throws Exception {
        FrameFeed asked = feed.get();
        CoreView v = PipelineTask.await(ctl.query(p -> {
            Map<BodyRegion, Double> limits = new EnumMap<>(BodyRegion.class);
            for (BodyRegion r : BodyRegion.values()) {
                double t = p.flagThreshold(r);
                if (Double.isFinite(t)) {
                    limits.put(r, t);
                }
            }
            BackDrawing d = BackDrawing.of(p);
            return new CoreView(new RegionLayout(d.rows(), d.cols(), d.cellRegions(), "body map"), limits, d);
        }));
        threads.fx().execute(() -> {
            if (feed.get() == asked) {
                coreView.accept(v);
            }
        });
    }

    /** Starts recording into {@code file}; {@code failed} runs on the FX thread when it could not start. */
    void startRecording(Path file, SessionMetadata metadata, Runnable failed) {
        Optional<FeedControl> c = control("Recording");
        if (c.isEmpty()) {
            failed.run();
            return;
        }
        task.run(c.get(), "Could not start recording", ctl -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                ctl.startRecording(file, metadata);
                return "Recording to " + file;
            } catch (Exception e) {
                threads.fx().execute(failed);
                throw e;
            }
        });
    }

    /** Stops recording; {@code stopped} gets the finished file's status (or null) on the FX thread. */
    void stopRecording(Consumer<RecordingStatus> stopped) {
        FrameFeed f = feed.get();
        if (f == null || f.control().isEmpty()) {
            stopped.accept(null);
            return;
        }
        task.run(f.control().get(), "Could not stop recording", ctl -> {
            RecordingStatus st = ctl.stopRecording();
            threads.fx().execute(() -> stopped.accept(st));
            return st == null || st.file() == null ? null : String.format(Locale.ROOT, "Saved %s (%.0f s, %.1f MB)%s",
                    st.file().getFileName(), st.seconds(), st.bytes() / 1e6,
                    st.error() == null ? "" : ": " + st.error());
        });
    }

    /** Sends one recorded command; {@code done} is reported when the core took it. */
    void send(String what, PipelineCommand command, String done) {
        control(what).ifPresent(c -> task.run(c, what, ctl -> {
            PipelineTask.await(ctl.execute(command));
            return done;
        }));
    }
}
