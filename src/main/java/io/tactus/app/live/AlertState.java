package io.tactus.app.live;

import io.tactus.app.sound.AlertSound;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which alerts are showing. An alert appears the moment its flag starts and stays {@link #HOLD_NANOS} after it
 * ends: long enough to be noticed, short enough that the banner clears within half a second of the cause going
 * (the core's release debounce comes first; a touch too short to catch by eye is kept in the alert history).
 * Plain Java: the view model feeds it events and snapshots and reads the result. Markers are not alerts (they
 * are shown separately).
 */
public final class AlertState {

    public static final long HOLD_NANOS = 300_000_000L;
    private static final long OPEN = Long.MAX_VALUE;

    /** One showing alert. */
    public record Alert(FlagType type, BodyRegion region, double peakKpa, String detail) {
    }

    /** Told when an alert's cause appears (again, with a new peak) and when it is gone. */
    public interface Listener {
        void opened(String key, Alert alert);

        void closed(String key, Alert alert);
    }

    private final Map<String, Long> until = new HashMap<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    private Listener listener = new Listener() {
        @Override
        public void opened(String key, Alert alert) {
        }

        @Override
        public void closed(String key, Alert alert) {
        }
    };

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** A flag started. Returns true if this alert was not showing (so a sound should play). */
    public boolean start(FlagEvent e) {
        if (e.type() == FlagType.MARKER) {
            return false;
        }
        String k = key(e);
        boolean isNew = !until.containsKey(k);
        until.put(k, OPEN);
        Alert before = alerts.get(k);
        Alert a = new Alert(e.type(), e.region(), Math.max(e.peakKpa(), before == null ? 0 : before.peakKpa()),
                e.detail());
        alerts.put(k, a);
        listener.opened(k, a);
        return isNew;
    }

    public void end(FlagEvent e, long now) {
        String k = key(e);
        if (until.containsKey(k)) {
            boolean wasOpen = until.get(k) == OPEN;
            until.put(k, now + HOLD_NANOS);
            Alert a = alerts.get(k);
            Alert done = new Alert(a.type(), a.region(), Math.max(a.peakKpa(), e.peakKpa()), a.detail());
            alerts.put(k, done);
            if (wasOpen) {
                listener.closed(k, done);
            }
        }
    }

    /**
     * Reconciles with the flags open in the latest frame (authoritative when events were missed); returns true
     * if an alert appeared that was not showing.
     */
    public boolean sync(List<FlagEvent> open, long now) {
        boolean appeared = false;
        Set<String> openKeys = new java.util.HashSet<>();
        for (FlagEvent e : open) {
            if (e.type() == FlagType.MARKER) {
                continue;
            }
            openKeys.add(key(e));
            appeared |= start(e);
        }
        for (Map.Entry<String, Long> en : until.entrySet()) {
            if (en.getValue() == OPEN && !openKeys.contains(en.getKey())) {
                en.setValue(now + HOLD_NANOS);
                listener.closed(en.getKey(), alerts.get(en.getKey()));
            }
        }
        return appeared;
    }

    /** Drops alerts whose hold time ran out. */
    public void expire(long now) {
        until.entrySet().removeIf(en -> {
            boolean gone = en.getValue() != OPEN && en.getValue() < now;
            if (gone) {
                alerts.remove(en.getKey());
            }
            return gone;
        });
    }

    /** Forgets every alert (the device was disconnected, or its frames stopped: nothing is known any more). */
    public void clear() {
        until.forEach((k, t) -> {
            if (t == OPEN) {
                listener.closed(k, alerts.get(k));
            }
        });
        until.clear();
        alerts.clear();
    }

    public boolean active() {
        return !until.isEmpty();
    }

    /** The most urgent alert showing (spine, then bone, then excess pressure), or null. */
    public Alert top() {
        Alert best = null;
        for (Alert a : alerts.values()) {
            if (best == null || a.type().ordinal() < best.type().ordinal()
                    || (a.type() == best.type() && a.peakKpa() > best.peakKpa())) {
                best = a;
            }
        }
        return best;
    }

    /** True while the core still holds {@code a}'s flag open (false in the hold after it ended). */
    public boolean open(Alert a) {
        Long u = until.get(a.type().id() + "/" + (a.region() == null ? "-" : a.region().id()));
        return u != null && u == OPEN;
    }

    public int count() {
        return until.size();
    }

    public Set<BodyRegion> regions() {
        Set<BodyRegion> s = EnumSet.noneOf(BodyRegion.class);
        for (Alert a : alerts.values()) {
            BodyRegion r = outlined(a.type(), a.region());
            if (r != null) {
                s.add(r);
            }
        }
        return s;
    }

    /**
     * The region the heatmap outlines for a flag of {@code type} in {@code region} (a spine contact without one:
     * the spine band), or null (a marker, or nowhere to outline). The live and replay views both ask here.
     */
    public static BodyRegion outlined(FlagType type, BodyRegion region) {
        if (type == FlagType.MARKER) {
            return null;
        }
        return region != null ? region : type == FlagType.SPINE_CONTACT ? BodyRegion.SPINE : null;
    }

    public static AlertSound.Kind soundFor(FlagType t) {
        return switch (t) {
            case SPINE_CONTACT -> AlertSound.Kind.SPINE;
            case BONE_CONTACT -> AlertSound.Kind.BONE;
            case EXCESS_PRESSURE -> AlertSound.Kind.EXCESS;
            case MARKER -> AlertSound.Kind.MARKER;
        };
    }

    private static String key(FlagEvent e) {
        return e.type().id() + "/" + (e.region() == null ? "-" : e.region().id());
    }
}
