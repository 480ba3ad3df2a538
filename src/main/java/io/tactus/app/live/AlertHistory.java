package io.tactus.app.live;

import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyRegion;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every alert of this connection, newest first, for the trainee to glance at after the fact: wall-clock time,
 * region, peak pressure and limit. An entry appears when its alert does and its peak keeps rising while it is open.
 * Bounded (oldest dropped past {@link #MAX}); cleared on a new connection. FX thread only.
 */
public final class AlertHistory {

    public static final int MAX = 200;

    /** One alert. {@code limitKpa} is NaN when the limit is not known. */
    public record Entry(LocalTime time, FlagType type, BodyRegion region, double peakKpa, double limitKpa, boolean open) {

        /** "12:03:41  Too hard on the right shoulder: 203 kPa, limit 88 kPa". */
        public String line() {
            return String.format(java.util.Locale.ROOT, "%tT  %s", time,
                    AlertText.historyLine(new AlertState.Alert(type, region, peakKpa, ""), limitKpa));
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    /** One read-only view for good (a view per call would drop its listeners). */
    private final ObservableList<Entry> view = FXCollections.unmodifiableObservableList(entries);
    private final Map<String, Entry> open = new HashMap<>();

    /** An alert started (or was seen open again); a new one is added at the top. */
    void started(String key, FlagType type, BodyRegion region, double peakKpa, double limitKpa, LocalTime now) {
        Entry e = open.get(key);
        if (e == null) {
            e = new Entry(now, type, region, peakKpa, limitKpa, true);
            entries.add(0, e);
            if (entries.size() > MAX) {
                entries.remove(MAX, entries.size());
            }
            open.put(key, e);
        } else if (peakKpa > e.peakKpa()) {
            replace(key, e, new Entry(e.time(), type, region, peakKpa, limitKpa, true));
        }
    }

    /** The alert's cause is gone: its entry keeps the final peak. */
    void ended(String key, double peakKpa) {
        Entry e = open.remove(key);
        if (e != null) {
            int i = entries.indexOf(e);
            if (i >= 0) {
                entries.set(i, new Entry(e.time(), e.type(), e.region(), Math.max(e.peakKpa(), peakKpa),
                        e.limitKpa(), false));
            }
        }
    }

    void clear() {
        entries.clear();
        open.clear();
    }

    private void replace(String key, Entry old, Entry now) {
        int i = entries.indexOf(old);
        if (i >= 0) {
            entries.set(i, now);
        }
        open.put(key, now);
    }

    public ObservableList<Entry> entries() {
        return view;
    }
}
