package io.tactus.app.live;

import io.tactus.app.fx.Threads;
import io.tactus.app.heat.RegionLayout;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.PrintableText;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.SignalSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;
import javafx.collections.ObservableSet;

/**
 * State of the live trainee view. The view calls {@link #pulse(long)} once per animation pulse; the view model
 * pulls the latest frame from the feed (never pushed per frame), drains events, and updates properties that
 * the view binds to. Testable without a stage: call pulse() yourself with a fake feed. The banner, the gauges and
 * the heatmap's "no data" state are all decided here in one pulse, so they cannot disagree.
 */
public final class LiveViewModel {

    /** What the banner says: the cases are exclusive and in this order of precedence. */
    public enum Banner { NOT_CONNECTED, NO_DATA, ALERT, OK }

    /** Frames stop counting as live after this long without a new one (or 3 frame periods, if longer). */
    public static final long NO_DATA_NANOS = 300_000_000L;
    private static final long STATE_EVERY_NANOS = 100_000_000L;
    /** Below this a region counts as untouched (grey gauge). */
    private static final double IDLE_KPA = 2.0;

    private final Map<BodyRegion, GaugeModel> gauges = new EnumMap<>(BodyRegion.class);
    private final LiveStatus status = new LiveStatus();
    private final LiveAlerts alerts;
    private final LiveDrawing drawing = new LiveDrawing();
    private final CoachModel coach;
    private final LiveRecorder recorder;
    private final LiveCommands commands;
    private final Threads threads;

    private final ReadOnlyObjectWrapper<FrameFeed> feed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(Banner.NOT_CONNECTED);
    private final ReadOnlyStringWrapper bannerTitle = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper bannerDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper framesShown = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<RegionLayout> layout = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ObjectProperty<Function<BodyRegion, RegionBand>> bands = new SimpleObjectProperty<>(r -> null);

    private long lastVersion = -1;
    private FrameSnapshot frame;
    private DeviceDescriptor layoutFor;
    private long lastFrameAt;
    private long lastStateAt;
    private boolean live;
    private long connectSeq;

    public LiveViewModel(Threads threads, AlertSound sound) {
        this.threads = threads;
        for (BodyRegion r : BodyRegion.values()) {
            gauges.put(r, new GaugeModel(r));
        }
        this.alerts = new LiveAlerts(sound, muted, r -> gauges.get(r).bandProperty().get(),
                r -> gauges.get(r).kpaProperty().get());
        this.commands = new LiveCommands(threads, feed::get, messageText::set, v -> {
            layout.set(v.layout());
            alerts.limits(v.limits());
            drawing.fromCore(v);
        });
        this.recorder = new LiveRecorder(feed::get, commands);
        this.coach = new CoachModel(sound, muted, drawing, commands);
        bands.addListener((o, a, b) -> gauges.values().forEach(g -> g.bandProperty().set(b.apply(g.region()))));
        alerts.regions().addListener((SetChangeListener<BodyRegion>) c ->
                gauges.forEach((r, g) -> g.alertingProperty().set(alerts.regions().contains(r))));
        status.sound(sound.describe());
        muted.addListener((o, a, m) -> status.sound(m ? "sound muted" : sound.describe()));
    }

    // ---- connection

    /**
     * Opens a feed off the FX thread (a serial port may take a moment), then shows it. The previous feed is
     * closed first. {@code name} is shown while connecting.
     */
    public void connect(String name, Callable<FrameFeed> opener) {
        disconnect();
        long seq = ++connectSeq;
        alerts.reset();
        coach.reset();
        status.connecting(name);
        refreshBanner();
        threads.background().execute(() -> {
            FrameFeed f;
            try {
                f = opener.call();
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                threads.fx().execute(() -> {
                    if (seq == connectSeq) {
                        status.failed(why);
                        refreshBanner();
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
                status.deviceName(f.name());
                refreshBanner();
            });
        });
    }

    public void disconnect() {
        connectSeq++;
        FrameFeed f = feed.get();
        if (f != null) {
            feed.set(null);
            recorder.disconnected();
            threads.background().execute(f::close);
        }
        frame = null;
        lastVersion = -1;
        lastFrameAt = 0;
        layoutFor = null;
        drawing.clear();
        status.stopped();
        messageText.set(""); // the last device's words (a LOG line, a command's answer) no longer hold
        setLive(false);
        coach.reset(); // the core that ran the routine is closed: no step is current, Skip / Stop have nothing to do
        alerts.reset();
        refreshBanner();
    }

    // ---- the pulse

    /**
     * Pulls the latest state; returns true when there is a new frame to draw. Cheap when nothing changed. Call
     * on the FX thread once per pulse.
     */
    public boolean pulse(long now) {
        FrameFeed f = feed.get();
        boolean changed = false;
        coach.take(f); // before draining: the movements of the picture taken are drained in this pulse
        if (f != null) {
            f.drainEvents(e -> {
                if (alerts.onEvent(e, now)) {
                    return;
                }
                if (e instanceof FeedEvent.Movement m) {
                    coach.movement(m.feedback());
                } else if (e instanceof FeedEvent.Message m) {
                    messageText.set(PrintableText.oneLine(m.text())); // device LOG / ERROR texts are untrusted
                }
            });
            long v = f.version();
            if (v != lastVersion) {
                lastVersion = v;
                FrameSnapshot s = f.latest();
                if (s != null) {
                    frame = s;
                    changed = true;
                    lastFrameAt = now;
                    framesShown.set(framesShown.get() + 1);
                    updateLayout(f.descriptor(), s);
                    alerts.sync(s.activeFlags(), now);
                    drawing.frame(now, s);
                }
            }
            if (lastStateAt == 0 || now - lastStateAt >= STATE_EVERY_NANOS || changed && !live) {
                lastStateAt = now;
                status.update(f.stats(), now);
                recorder.check(f);
            }
            setLive(frame != null && status.state() == SourceState.CONNECTED
                    && now - lastFrameAt <= noDataNanos(f.descriptor()));
            if (changed) {
                updateGauges(frame);
            }
        }
        if (!live) {
            alerts.clear(); // nothing is known while no frames arrive; the core's open flags return with them
        }
        alerts.pulse(now);
        coach.pulse(now);
        refreshBanner();
        return changed;
    }

    private static long noDataNanos(DeviceDescriptor d) {
        return d == null || !(d.rateHz() > 0) ? NO_DATA_NANOS : Math.max(NO_DATA_NANOS, (long) (3e9 / d.rateHz()));
    }

    private void setLive(boolean on) {
        if (on == live) {
            return;
        }
        live = on;
        coach.live(on);
        if (!on) {
            gauges.values().forEach(GaugeModel::noData);
            if (feed.get() != null) {
                status.framesStopped();
            }
        } else if (frame != null) {
            updateGauges(frame);
        }
    }

    private void refreshBanner() {
        if (feed.get() == null) {
            boolean connecting = status.state() == SourceState.CONNECTING || status.state() == SourceState.FAILED;
            setBanner(Banner.NOT_CONNECTED, connecting ? status.statusTextProperty().get() : "Not connected",
                    connecting ? "" : "Device > Connect..., or press Ctrl+K");
        } else if (!live) {
            setBanner(Banner.NO_DATA, "No data: " + status.noDataReason(frame == null),
                    "Pressure is not being measured. It comes back by itself when frames arrive.");
        } else if (alerts.activeProperty().get()) {
            setBanner(Banner.ALERT, alerts.titleProperty().get(), alerts.detailProperty().get());
        } else {
            // Frames arrive and nothing is flagged. With no hand on the back "Pressure OK" would praise nothing:
            // the banner says what to do first, as the gauges all read their idle "0 kPa".
            boolean contact = gauges.values().stream().anyMatch(g -> g.zoneProperty().get() != GaugeModel.Zone.IDLE);
            if (contact) {
                setBanner(Banner.OK, "Pressure OK", "Keep to the muscles either side of the spine.");
            } else {
                setBanner(Banner.OK, "No contact", "Place your hands flat on the muscles either side of the spine.");
            }
        }
    }

    private void setBanner(Banner b, String title, String detail) {
        bannerTitle.set(title);
        bannerDetail.set(detail);
        banner.set(b);
    }

    private void updateLayout(DeviceDescriptor d, FrameSnapshot s) {
        if (d != null && d.equals(layoutFor) && layout.get() != null) {
            return;
        }
        layoutFor = d;
        double px = d == null ? 10 : d.pitchXmm();
        double py = d == null ? 10 : d.pitchYmm();
        layout.set(d != null && d.isGlove() ? null : RegionLayout.template(s.rows(), s.cols(), px, py));
        if (d != null && d.isGlove()) {
            drawing.clear();
        } else {
            drawing.template(s.rows(), s.cols(), px, py);
        }
        if (d != null && !d.isGlove()) {
            // The template is only the first frame's placeholder: the core's own body map replaces it.
            commands.refreshCoreView();
        }
    }

    private void updateGauges(FrameSnapshot s) {
        if (!live) {
            return;
        }
        for (GaugeModel g : gauges.values()) {
            var rv = s.regions() == null ? null : s.region(g.region());
            g.update(rv == null ? 0 : rv.peakKpa(), IDLE_KPA);
        }
    }

    // ---- commands (recorded, so a replay applies them at the same frame; see LiveCommands)

    public void tare(double seconds) {
        commands.tare(seconds);
    }

    public void startSpineTrace() {
        commands.startSpineTrace();
    }

    public void finishSpineTrace() {
        commands.finishSpineTrace();
    }

    public void cancelSpineTrace() {
        commands.cancelSpineTrace();
    }

    public void applySignalSettings(SignalSettings settings) {
        commands.applySignalSettings(settings);
    }

    // ---- accessors for the view and tests

    public FrameSnapshot frame() {
        return frame;
    }

    public GaugeModel gauge(BodyRegion r) {
        return gauges.get(r);
    }

    /** True while frames arrive; false when not connected or frames stopped (the heatmap greys out). */
    public boolean live() {
        return live;
    }

    public LiveRecorder recorder() {
        return recorder;
    }

    public CoachModel coach() {
        return coach;
    }

    public LiveDrawing drawing() {
        return drawing;
    }

    public LiveAlerts alerts() {
        return alerts;
    }

    public LiveStatus status() {
        return status;
    }

    public ReadOnlyObjectProperty<FrameFeed> feedProperty() {
        return feed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTitleProperty() {
        return bannerTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerDetailProperty() {
        return bannerDetail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceState> stateProperty() {
        return status.stateProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return status.statusTextProperty();
    }

    public ReadOnlyBooleanProperty alertActiveProperty() {
        return alerts.activeProperty();
    }

    public ReadOnlyObjectProperty<FlagType> alertTypeProperty() {
        return alerts.typeProperty();
    }

    public ReadOnlyStringProperty alertTitleProperty() {
        return alerts.titleProperty();
    }

    public ObservableSet<BodyRegion> alertRegions() {
        return alerts.regions();
    }

    public ReadOnlyStringProperty markerTextProperty() {
        return alerts.markerTextProperty();
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

    public ObjectProperty<Function<BodyRegion, RegionBand>> bandsProperty() {
        return bands;
    }
}
