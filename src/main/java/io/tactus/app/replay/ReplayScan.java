package io.tactus.app.replay;

import io.tactus.app.fx.Threads;
import io.tactus.session.IntegrityReport;
import io.tactus.session.RegionSeries;
import io.tactus.session.ReplayEngine;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.flags.FlagType;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the replay engine's scan of the open recording has found, as the view shows it: the flags on the timeline,
 * the per-region series of the chart, the spans lost to file damage and the scan's progress. The scan runs in the
 * background; the part found so far is handed over a few times a second and replaced by the final result.
 * Everything here is set on the FX thread.
 */
final class ReplayScan {

    private final Threads threads;
    private final ObservableList<TimelineEvent> events = FXCollections.observableArrayList();
    private final ObservableList<IntegrityReport.LostSpan> lostSpans = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RegionSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);

    ReplayScan(Threads threads) {
        this.threads = threads;
    }

    /** Forgets the last recording's findings (FX thread). */
    void clear() {
        events.clear();
        lostSpans.clear();
        series.set(null);
        progress.set(0);
    }

    /**
     * Scans {@code doc} on the calling (background) thread. {@code current} says whether {@code doc} is still the
     * open recording (read on the FX thread: a scan of a closed recording changes nothing); {@code status} gets
     * the progress and the damage the scan found, after the recording's {@code title}.
     */
    void run(ReplayEngine doc, BooleanSupplier current, Supplier<String> title, Consumer<String> status) {
        SessionAnalysis a;
        try {
            a = doc.scan(p -> threads.fx().execute(() -> {
                if (current.getAsBoolean() && p < 1) {
                    progress.set(p);
                    status.accept(String.format(Locale.ROOT, "%s  (scanning %.0f %%)", title.get(), p * 100));
                }
            }), soFar -> {
                List<TimelineEvent> found = TimelineEvent.of(soFar.events(), soFar.scannedToUs());
                threads.fx().execute(() -> {
                    if (current.getAsBoolean() && progress.get() < 1) { // the final result is not in yet
                        events.setAll(found);
                        series.set(soFar.series());
                    }
                });
            });
        } catch (Exception e) {
            threads.fx().execute(() -> status.accept("Could not scan " + doc.file().getFileName() + ": "
                    + ReplayCompare.why(e)));
            return;
        }
        List<TimelineEvent> timeline = TimelineEvent.of(a, doc.endUs());
        // Damage the scan's pass found (and a rejected metadata descriptor...): a note, and the lost spans drawn
        // on the timeline.
        List<String> warnings = a.warnings(doc.reader());
        List<IntegrityReport.LostSpan> lost = a.integrity() == null ? List.of() : a.integrity().lostSpans();
        threads.fx().execute(() -> {
            if (!current.getAsBoolean()) {
                return;
            }
            events.setAll(timeline);
            lostSpans.setAll(lost);
            series.set(a.series());
            progress.set(1);
            status.accept(title.get() + (warnings.isEmpty() ? "" : "  (" + String.join("; ", warnings) + ")"));
        });
    }

    /** The first flag (not a marker or note) more than 1 ms after ({@code dir} > 0) or before {@code p}, or null. */
    TimelineEvent flagFrom(long p, int dir) {
        for (int k = 0; k < events.size(); k++) {
            TimelineEvent e = events.get(dir > 0 ? k : events.size() - 1 - k);
            if (e.type() != FlagType.MARKER && (dir > 0 ? e.startUs() > p + 1000 : e.startUs() < p - 1000)) {
                return e;
            }
        }
        return null;
    }

    ObservableList<TimelineEvent> events() {
        return events;
    }

    ObservableList<IntegrityReport.LostSpan> lostSpans() {
        return lostSpans;
    }

    ReadOnlyObjectProperty<RegionSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
