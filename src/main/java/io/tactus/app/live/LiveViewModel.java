package io.tactus.app.live;

import io.tactus.app.fx.Threads;
import io.tactus.app.heat.RegionLayout;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * State of the live trainee view. The view calls {@link #pulse(long)} once per animation pulse; the view model
 * pulls the latest frame from the feed (never pushed per frame), drains events, and updates properties that
 * the view binds to. Testable without a stage: call pulse() yourself with a fake feed.
 */
public final class LiveViewModel {

    private static final long STATS_EVERY_NANOS = 500_000_000L;
    private static final long MARKER_SHOW_NANOS = 4_000_000_000L;
    /** Below this a region counts as untouched (grey gauge). */
    private static final double IDLE_KPA = 2.0;

    private final Threads threads;
    private final AlertSound sound;
    private final Map<BodyRegion, GaugeModel> gauges = new EnumMap<>(BodyRegion.class);
    private final AlertState alerts = new AlertState();

    private final ReadOnlyObjectWrapper<FrameFeed> feed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper deviceName = new ReadOnlyStringWrapper("No device");
    private final ReadOnlyObjectWrapper<SourceState> state = new ReadOnlyObjectWrapper<>(SourceState.STOPPED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper linkText = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper calibrationText = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper recordingText = new ReadOnlyStringWrapper("Not recording");
    private final ReadOnlyBooleanWrapper alertActive = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FlagType> alertType = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper alertTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertDetail = new ReadOnlyStringWrapper("");
    private final ObservableSet<BodyRegion> alertRegions = FXCollections.observableSet();
    private final ReadOnlyStringWrapper markerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<RegionLayout> layout = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final DoubleProperty scaleMaxKpa = new SimpleDoubleProperty(200);
    private final ObjectProperty<Function<BodyRegion, RegionBand>> bands = new SimpleObjectProperty<>(r -> null);
    private final ReadOnlyStringWrapper soundText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<java.nio.file.Path> lastRecording = new ReadOnlyObjectWrapper<>();

    private long lastVersion = -1;
    private FrameSnapshot frame;
    private DeviceDescriptor layoutFor;
    private long lastStatsAt;
    private long lastStatsFrames;
    private long markerUntil;
    private long lastAlertLatencyNanos = -1;
    /** Every new alert's latency, for the benchmark (ring of the last 1024). */
    private final io.tactus.app.fx.FrameTimer alertLatencies = new io.tactus.app.fx.FrameTimer(1024);
    private long connectSeq;

    public LiveViewModel(Threads threads, AlertSound sound) {
        this.threads = threads;
        this.sound = sound;
        for (BodyRegion r : BodyRegion.values()) {
            gauges.put(r, new GaugeModel(r));
        }
        bands.addListener((o, a, b) -> gauges.values().forEach(g -> g.bandProperty().set(b.apply(g.region()))));
        soundText.set(sound.describe());
        muted.addListener((o, a, m) -> soundText.set(m ? "sound muted" : sound.describe()));
    }

    // ---- connection

    /**
     * Opens a feed off the FX thread (a serial port may take a moment), then shows it. The previous feed is
     * closed first. {@code name} is shown while connecting.
     */
    public void connect(String name, Callable<FrameFeed> opener) {
        disconnect();
        long seq = ++connectSeq;
        deviceName.set(name);
        state.set(SourceState.CONNECTING);
        statusText.set("Connecting to " + name + "...");
        threads.background().execute(() -> {
            FrameFeed f;
            try {
                f = opener.call();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> {
                    if (seq == connectSeq) {
                        state.set(SourceState.FAILED);
                        statusText.set("Could not connect: " + why);
                    }
                });
                return;
            }
            threads.fx().execute(() -> {
                if (seq != connectSeq) {
                    f.close(); // the user picked something else meanwhile
                    return;
                }
                feed.set(f);
                deviceName.set(f.name());
            });
        });
    }

    public void disconnect() {
        connectSeq++;
        FrameFeed f = feed.get();
        if (f != null) {
            feed.set(null);
            recording.set(false);
            threads.background().execute(f::close);
        }
        frame = null;
        lastVersion = -1;
        layoutFor = null;
        state.set(SourceState.STOPPED);
        statusText.set("Not connected");
        rateText.set("-");
        alerts.clear();
        markerText.set("");
        refreshAlert();
    }

    // ---- recording

    /** True when the connected feed can record (the session layer's live session). */
    public boolean canRecord() {
        return feed.get() instanceof Recordable;
    }

    /** Starts recording into {@code file} off the FX thread; a bad path is reported in the status line. */
    public void startRecording(java.nio.file.Path file, io.tactus.session.SessionMetadata metadata) {
        if (!(feed.get() instanceof Recordable r)) {
            messageText.set("This source cannot record");
            return;
        }
        recording.set(true);
        threads.background().execute(() -> {
            try {
                java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
                r.startRecording(file, metadata);
                threads.fx().execute(() -> messageText.set("Recording to " + file));
            } catch (java.io.IOException | RuntimeException e) {
                threads.fx().execute(() -> {
                    recording.set(false);
                    messageText.set("Could not start recording: " + e.getMessage());
                });
            }
        });
    }

    /** Stops recording off the FX thread (the writer flushes and writes its index). */
    public void stopRecording() {
        if (!(feed.get() instanceof Recordable r)) {
            recording.set(false);
            return;
        }
        threads.background().execute(() -> {
            io.tactus.session.RecordingStatus st = r.stopRecording();
            threads.fx().execute(() -> {
                recording.set(false);
                if (st != null && st.file() != null) {
                    lastRecording.set(st.file());
                    messageText.set(String.format(java.util.Locale.ROOT, "Saved %s (%.0f s, %.1f MB)%s",
                            st.file().getFileName(), st.seconds(), st.bytes() / 1e6,
                            st.error() == null ? "" : ": " + st.error()));
                }
            });
        });
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The file of the last finished recording (to open it in replay). */
    public ReadOnlyObjectProperty<java.nio.file.Path> lastRecordingProperty() {
        return lastRecording.getReadOnlyProperty();
    }

    // ---- the pulse

    /**
     * Pulls the latest state; returns true when there is a new frame to draw. Cheap when nothing changed. Call
     * on the FX thread once per pulse.
     */
    public boolean pulse(long now) {
        FrameFeed f = feed.get();
        boolean alertChanged = false;
        boolean changed = false;
        if (f != null) {
            final boolean[] appeared = {false};
            f.drainEvents(e -> appeared[0] |= onEvent(e, now));
            long v = f.version();
            if (v != lastVersion) {
                lastVersion = v;
                FrameSnapshot s = f.latest();
                if (s != null) {
                    frame = s;
                    changed = true;
                    framesShown.set(framesShown.get() + 1);
                    updateLayout(f.descriptor(), s);
                    updateGauges(s);
                    appeared[0] |= alerts.sync(s.activeFlags(), now);
                }
            }
            alertChanged = appeared[0];
            if (now - lastStatsAt >= STATS_EVERY_NANOS) {
                updateStats(f.stats(), now);
            }
        }
        alerts.expire(now);
        if (markerUntil != 0 && now > markerUntil) {
            markerText.set("");
            markerUntil = 0;
        }
        refreshAlert();
        if (alertChanged) {
            AlertState.Alert top = alerts.top();
            if (top != null && !muted.get()) {
                sound.play(AlertState.soundFor(top.type()));
            }
        }
        return changed;
    }

    private boolean onEvent(FeedEvent e, long now) {
        if (e instanceof FeedEvent.FlagStarted fs) {
            boolean isNew = alerts.start(fs.flag());
            if (isNew && fs.hostNanos() > 0) {
                lastAlertLatencyNanos = now - fs.hostNanos();
                alertLatencies.add(lastAlertLatencyNanos);
            }
            return isNew;
        } else if (e instanceof FeedEvent.FlagEnded fe) {
            alerts.end(fe.flag(), now);
        } else if (e instanceof FeedEvent.Marker m) {
            markerText.set(switch (m.code()) {
                case 1 -> "Receiver: TOO MUCH";
                case 2 -> "Receiver: more pressure";
                default -> "Receiver pressed the button";
            } + (m.text() == null || m.text().isBlank() ? "" : " (" + m.text() + ")"));
            markerUntil = now + MARKER_SHOW_NANOS;
            if (m.code() == 1 && !muted.get()) {
                sound.play(AlertSound.Kind.MARKER);
            }
        } else if (e instanceof FeedEvent.Message msg) {
            messageText.set(msg.text());
        }
        return false;
    }

    private void refreshAlert() {
        boolean on = alerts.active();
        AlertState.Alert top = alerts.top();
        alertType.set(top == null ? null : top.type());
        if (top == null) {
            alertTitle.set("");
            alertDetail.set("");
        } else {
            alertTitle.set(switch (top.type()) {
                case SPINE_CONTACT -> "OFF THE SPINE!";
                case BONE_CONTACT -> "BONE: " + RegionNames.of(top.region()).toUpperCase(java.util.Locale.ROOT);
                case EXCESS_PRESSURE -> "TOO HARD: " + RegionNames.of(top.region()).toUpperCase(java.util.Locale.ROOT);
                case MARKER -> "";
            });
            alertDetail.set(switch (top.type()) {
                case SPINE_CONTACT -> "Work the muscles beside the spine, never on it.";
                case BONE_CONTACT -> "Work around the bone, not on it.";
                case EXCESS_PRESSURE -> "Ease off" + (top.peakKpa() > 0
                        ? String.format(java.util.Locale.ROOT, ": %.0f kPa", top.peakKpa()) : "") + ".";
                case MARKER -> "";
            } + (alerts.count() > 1 ? "  (+" + (alerts.count() - 1) + " more)" : ""));
        }
        Set<BodyRegion> rs = alerts.regions();
        if (!alertRegions.equals(rs)) {
            alertRegions.retainAll(rs);
            alertRegions.addAll(rs);
        }
        alertActive.set(on);
    }

    private void updateLayout(DeviceDescriptor d, FrameSnapshot s) {
        if (d != null && d.equals(layoutFor) && layout.get() != null) {
            return;
        }
        layoutFor = d;
        double px = d == null ? 10 : d.pitchXmm();
        double py = d == null ? 10 : d.pitchYmm();
        layout.set(d != null && d.isGlove() ? null : RegionLayout.template(s.rows(), s.cols(), px, py));
        if (d != null && !d.isGlove()) {
            refreshLayoutFromCore();
        }
    }

    /**
     * Replaces the drawn region map with the core's own (its body map after registration), fetched on the
     * processing thread. Called on connect and after a spine trace or a settings change, so what is drawn is
     * what the flags use. The app template above is only the first frame's placeholder.
     */
    private void refreshLayoutFromCore() {
        if (!(feed.get() instanceof LiveSessionFeed lf)) {
            return;
        }
        lf.session().withPipeline(p -> new RegionLayout(p.descriptor().rows(), p.descriptor().cols(),
                        p.cellRegions(), "body map"))
                .thenAccept(l -> threads.fx().execute(() -> {
                    if (feed.get() == lf) {
                        layout.set(l);
                    }
                }));
    }

    private void updateGauges(FrameSnapshot s) {
        for (GaugeModel g : gauges.values()) {
            var rv = s.regions() == null ? null : s.region(g.region());
            g.update(rv == null ? 0 : rv.peakKpa(), IDLE_KPA);
        }
    }

    private void updateStats(FeedStats st, long now) {
        double seconds = (now - lastStatsAt) / 1e9;
        if (lastStatsAt != 0 && seconds > 0) {
            rateText.set(String.format(java.util.Locale.ROOT, "%.0f fps", (st.frames() - lastStatsFrames) / seconds));
        }
        lastStatsAt = now;
        lastStatsFrames = st.frames();
        state.set(st.state());
        statusText.set(switch (st.state()) {
            case CONNECTING -> "Connecting...";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Device lost: reconnecting...";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
        } + (st.message() == null || st.message().isBlank() ? "" : " - " + st.message()));
        linkText.set("dropped " + st.dropped() + " \u00b7 corrupt " + st.corrupt()
                + (st.queueDropped() > 0 ? " \u00b7 skipped " + st.queueDropped() : "")
                + (st.reconnects() > 0 ? " \u00b7 reconnects " + st.reconnects() : ""));
        calibrationText.set("Calibration: " + st.calibration());
        if (recording.get() && !st.recording() && feed.get() instanceof Recordable r && !r.recording()) {
            recording.set(false);
        }
        if (st.recording()) {
            long s = st.recordingNanos() / 1_000_000_000L;
            recordingText.set(String.format(java.util.Locale.ROOT, "\u25cf REC %d:%02d \u00b7 %.1f MB", s / 60, s % 60,
                    st.recordingBytes() / 1e6));
        } else {
            recordingText.set("Not recording");
        }
    }

    // ---- accessors for the view and tests

    public FrameSnapshot frame() {
        return frame;
    }

    public GaugeModel gauge(BodyRegion r) {
        return gauges.get(r);
    }

    /** Alert latency of the last new alert: pulse time minus the frame's receive time at the reader, or -1. */
    public long lastAlertLatencyNanos() {
        return lastAlertLatencyNanos;
    }

    /** Latencies of every new alert so far: the pulse that shows it minus the confirming frame's arrival. */
    public io.tactus.app.fx.FrameTimer alertLatencies() {
        return alertLatencies;
    }

    /**
     * Tare: records {@code seconds} of no-touch baseline on the processing thread (as a recorded pipeline
     * command, so a replay of the session applies it at the same frame), then reports the noise floor, dead cells
     * and warnings in the message line. Call on the FX thread; the wait runs on a background thread.
     */
    public void tare(double seconds) {
        FrameFeed f = feed.get();
        if (!(f instanceof LiveSessionFeed lf)) {
            messageText.set("Tare needs a connected device");
            return;
        }
        io.tactus.session.LiveSession session = lf.session();
        messageText.set(String.format(java.util.Locale.ROOT, "Taring: keep hands off the mat for %.0f s...", seconds));
        threads.background().execute(() -> {
            String result;
            try {
                session.execute(new io.tactus.session.PipelineCommand("tare",
                        java.util.Map.of("seconds", Double.toString(seconds)))).get(5, java.util.concurrent.TimeUnit.SECONDS);
                long deadline = System.nanoTime() + (long) ((seconds + 10) * 1e9);
                io.tactus.signal.calibration.TareState st;
                do {
                    Thread.sleep(200);
                    st = session.withPipeline(p -> p.tareState()).get(5, java.util.concurrent.TimeUnit.SECONDS);
                } while (st.status() == io.tactus.signal.calibration.TareState.Status.CAPTURING && System.nanoTime() < deadline);
                io.tactus.signal.calibration.TareResult r = st.result();
                if (st.status() != io.tactus.signal.calibration.TareState.Status.DONE || r == null) {
                    result = "Tare did not finish (no frames arrived?)";
                } else {
                    result = String.format(java.util.Locale.ROOT, "Tared: %d frames, noise floor %.1f kPa, %d dead cell(s)%s",
                            r.frames(), r.noiseFloorKpa(), r.deadCells().size(),
                            r.ok() ? "" : "; " + String.join("; ", r.warnings()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                result = "Tare failed: " + c.getMessage();
            }
            String msg = result;
            threads.fx().execute(() -> messageText.set(msg));
        });
    }

    /**
     * "Trace the spine" registration, step 1: from now on the core collects the centre-of-pressure track of a
     * finger run from the sacrum up the spine. Sent as a recorded pipeline command, so a replay re-registers
     * at the same frame. Call on the FX thread.
     */
    public void startSpineTrace() {
        runTraceCommand(new io.tactus.session.PipelineCommand("trace_start", java.util.Map.of()),
                "Tracing: slide one finger slowly from the sacrum up the spine to the neck, then press Finish");
    }

    /** Step 2: fits the midline to the track (straight line) and moves the body map onto it. */
    public void finishSpineTrace() {
        runTraceCommand(new io.tactus.session.PipelineCommand("trace_finish", java.util.Map.of("degree", "1")), null);
    }

    /** Abandons a trace in progress. */
    public void cancelSpineTrace() {
        runTraceCommand(new io.tactus.session.PipelineCommand("trace_cancel", java.util.Map.of()), "Trace cancelled");
    }

    private void runTraceCommand(io.tactus.session.PipelineCommand command, String startedText) {
        FrameFeed f = feed.get();
        if (!(f instanceof LiveSessionFeed lf)) {
            messageText.set("Tracing the spine needs a connected device");
            return;
        }
        io.tactus.session.LiveSession session = lf.session();
        threads.background().execute(() -> {
            String msg;
            try {
                session.execute(command).get(5, java.util.concurrent.TimeUnit.SECONDS);
                if (startedText != null) {
                    msg = startedText;
                } else {
                    io.tactus.signal.body.Registration r = session.withPipeline(p -> p.registration())
                            .get(5, java.util.concurrent.TimeUnit.SECONDS);
                    double[] m = r.midline();
                    threads.fx().execute(this::refreshLayoutFromCore);
                    msg = String.format(java.util.Locale.ROOT,
                            "Spine registered: midline at %.0f mm from the left edge%s, fit error %.1f mm rms",
                            m[0], m.length > 1 ? String.format(java.util.Locale.ROOT, ", slope %.3f", m[1]) : "",
                            r.fitRmsMm());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                msg = "Trace the spine: " + c.getMessage();
            }
            String text = msg;
            threads.fx().execute(() -> messageText.set(text));
        });
    }

    /**
     * Applies a new profile and spine band width to the running session, as recorded pipeline commands (a replay
     * switches at the same frame). New connections read the settings themselves; without a feed this does nothing.
     */
    public void applySignalSettings(io.tactus.signal.SignalSettings settings) {
        if (!(feed.get() instanceof LiveSessionFeed lf)) {
            return;
        }
        io.tactus.session.LiveSession session = lf.session();
        String profileJson = io.tactus.signal.PipelineControl.toJson(settings.profile());
        String width = Double.toString(settings.bodyMap().spineHalfWidthMm());
        threads.background().execute(() -> {
            String msg;
            try {
                session.execute(new io.tactus.session.PipelineCommand("profile", java.util.Map.of("json", profileJson)))
                        .get(5, java.util.concurrent.TimeUnit.SECONDS);
                session.execute(new io.tactus.session.PipelineCommand("spine_half_width", java.util.Map.of("mm", width)))
                        .get(5, java.util.concurrent.TimeUnit.SECONDS);
                msg = "Profile now: " + settings.profile().name();
                threads.fx().execute(this::refreshLayoutFromCore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                msg = "Settings not applied to the live session: " + c.getMessage();
            }
            String text = msg;
            threads.fx().execute(() -> messageText.set(text));
        });
    }

    public ReadOnlyObjectProperty<FrameFeed> feedProperty() {
        return feed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceNameProperty() {
        return deviceName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linkTextProperty() {
        return linkText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty calibrationTextProperty() {
        return calibrationText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recordingTextProperty() {
        return recordingText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty alertActiveProperty() {
        return alertActive.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FlagType> alertTypeProperty() {
        return alertType.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertTitleProperty() {
        return alertTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertDetailProperty() {
        return alertDetail.getReadOnlyProperty();
    }

    public ObservableSet<BodyRegion> alertRegions() {
        return FXCollections.unmodifiableObservableSet(alertRegions);
    }

    public ReadOnlyStringProperty markerTextProperty() {
        return markerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageTextProperty() {
        return messageText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty framesShownProperty() {
        return framesShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RegionLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public DoubleProperty scaleMaxKpaProperty() {
        return scaleMaxKpa;
    }

    public ObjectProperty<Function<BodyRegion, RegionBand>> bandsProperty() {
        return bands;
    }

    public ReadOnlyStringProperty soundTextProperty() {
        return soundText.getReadOnlyProperty();
    }
}
