package io.tactus.app.live;

import io.tactus.app.fx.FrameTimer;
import io.tactus.app.sound.AlertSound;
import io.tactus.protocol.PrintableText;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyRegion;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The live view's alerts: which show (from the core's flag events and each frame's open flags), their words with
 * the measured value and the limit, the alert history, the receiver's markers, and the sound when one appears.
 * Driven by {@link LiveViewModel#pulse}; FX thread only.
 */
public final class LiveAlerts {

    private static final long MARKER_SHOW_NANOS = 4_000_000_000L;

    private final AlertSound sound;
    private final BooleanProperty muted;
    private final Function<BodyRegion, RegionBand> bandOf;
    private final ToDoubleFunction<BodyRegion> nowKpa;
    private final AlertState state = new AlertState();
    private final AlertHistory history = new AlertHistory();
    private final FrameTimer latencies = new FrameTimer(1024);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<FlagType> type = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ObservableSet<BodyRegion> regions = FXCollections.observableSet();
    /** One wrapper for good: a wrapper listens to the set weakly, so a fresh one per call would lose listeners. */
    private final ObservableSet<BodyRegion> regionsView = FXCollections.unmodifiableObservableSet(regions);
    private final ReadOnlyStringWrapper markerText = new ReadOnlyStringWrapper("");
    private Map<BodyRegion, Double> limits = Map.of();
    private boolean appeared;
    private long markerUntil;
    private long lastLatencyNanos = -1;
    private BodyRegion topRegion;

    /** {@code nowKpa}: a region's pressure now, as its gauge shows it (the banner states the same number). */
    LiveAlerts(AlertSound sound, BooleanProperty muted, Function<BodyRegion, RegionBand> bandOf,
               ToDoubleFunction<BodyRegion> nowKpa) {
        this.sound = sound;
        this.muted = muted;
        this.bandOf = bandOf;
        this.nowKpa = nowKpa;
        state.setListener(new AlertState.Listener() {
            @Override
            public void opened(String key, AlertState.Alert a) {
                history.started(key, a.type(), a.region(), a.peakKpa(), limit(a), LocalTime.now());
            }

            @Override
            public void closed(String key, AlertState.Alert a) {
                history.ended(key, a.peakKpa());
            }
        });
    }

    /** The core's flag thresholds per region (asked after connect and after each settings change). */
    void limits(Map<BodyRegion, Double> coreLimits) {
        limits = Map.copyOf(coreLimits);
    }

    /** Handles an alert or marker event; returns false for events that are not about alerts. */
    boolean onEvent(FeedEvent e, long now) {
        if (e instanceof FeedEvent.FlagStarted fs) {
            boolean isNew = state.start(fs.flag());
            if (isNew && fs.hostNanos() > 0) {
                lastLatencyNanos = now - fs.hostNanos();
                latencies.add(lastLatencyNanos);
            }
            appeared |= isNew;
        } else if (e instanceof FeedEvent.FlagEnded fe) {
            state.end(fe.flag(), now);
        } else if (e instanceof FeedEvent.Marker m) {
            markerText.set(switch (m.code()) {
                case 1 -> "Receiver: TOO MUCH";
                case 2 -> "Receiver: more pressure";
                default -> "Receiver pressed the button";
            } + (m.text() == null || m.text().isBlank() ? "" : " (" + PrintableText.oneLine(m.text()) + ")"));
            markerUntil = now + MARKER_SHOW_NANOS;
            if (m.code() == 1 && !muted.get()) {
                sound.play(AlertSound.Kind.MARKER);
            }
        } else {
            return false;
        }
        return true;
    }

    /** Reconciles with the flags open in the newest frame. */
    void sync(List<FlagEvent> open, long now) {
        appeared |= state.sync(open, now);
    }

    /** Forgets every alert: the device went away or its frames stopped, so nothing is known. */
    void clear() {
        state.clear();
        appeared = false;
    }

    /** A new connection: the history starts again too. */
    void reset() {
        clear();
        history.clear();
        limits = Map.of();
        markerText.set("");
        markerUntil = 0;
        refresh();
    }

    /** End of a pulse: expire held alerts, fade the marker, update the words, sound a new alert. */
    void pulse(long now) {
        state.expire(now);
        if (markerUntil != 0 && now > markerUntil) {
            markerText.set("");
            markerUntil = 0;
        }
        refresh();
        if (appeared) {
            appeared = false;
            AlertState.Alert top = state.top();
            if (top != null && !muted.get()) {
                sound.play(AlertState.soundFor(top.type()));
            }
        }
    }

    /** The core's threshold for an alert's region; the band's hard maximum until the core has been asked. */
    double limit(AlertState.Alert a) {
        BodyRegion r = a.region() == null && a.type() == FlagType.SPINE_CONTACT ? BodyRegion.SPINE : a.region();
        if (r == null) {
            return Double.NaN;
        }
        Double core = limits.get(r);
        if (core != null) {
            return core;
        }
        RegionBand b = bandOf.apply(r);
        return a.type() == FlagType.EXCESS_PRESSURE && b != null && Double.isFinite(b.hardMax()) ? b.hardMax()
                : Double.NaN;
    }

    private void refresh() {
        AlertState.Alert top = state.top();
        type.set(top == null ? null : top.type());
        BodyRegion at = top == null ? null : AlertState.outlined(top.type(), top.region());
        topRegion = at;
        // While the cause lasts the banner states the pressure now (its gauge's number); in the hold after it
        // ended, the peak it reached (labelled "peak"), which says why the banner is still up.
        title.set(top == null ? "" : AlertText.title(top,
                at != null && state.open(top) ? nowKpa.applyAsDouble(at) : Double.NaN, limit(top)));
        detail.set(top == null ? "" : AlertText.detail(top, state.count()));
        Set<BodyRegion> rs = state.regions();
        if (!regions.equals(rs)) {
            regions.retainAll(rs);
            regions.addAll(rs);
        }
        active.set(state.active());
    }

    /** The region whose pressure the banner states (the top alert's; the spine band for a spine contact), or null. */
    public BodyRegion topRegion() {
        return topRegion;
    }

    public AlertHistory history() {
        return history;
    }

    /** Alert latency of the last new alert: pulse time minus the frame's receive time at the reader, or -1. */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    /** Latencies of every new alert so far: the pulse that shows it minus the confirming frame's arrival. */
    public FrameTimer latencies() {
        return latencies;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FlagType> typeProperty() {
        return type.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableSet<BodyRegion> regions() {
        return regionsView;
    }

    public ReadOnlyStringProperty markerTextProperty() {
        return markerText.getReadOnlyProperty();
    }
}
