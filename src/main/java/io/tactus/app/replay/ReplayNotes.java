package io.tactus.app.replay;

import io.tactus.app.fx.Threads;
import io.tactus.session.Annotation;
import io.tactus.session.ReplayEngine;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open recording's notes, in time order: loaded from its annotations, and every add, edit and delete
 * saved into the file in the background (the recording is appended to, never rewritten).
 */
final class ReplayNotes {

    private final Threads threads;
    private final Consumer<String> status;
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private ReplayEngine engine;
    /** The latest save or delete: they run one after another, and a report waits for them. FX thread. */
    private CompletableFuture<Void> saved = CompletableFuture.completedFuture(null);

    ReplayNotes(Threads threads, Consumer<String> status) {
        this.threads = threads;
        this.status = status;
    }

    ObservableList<Note> list() {
        return notes;
    }

    /** The notes of a newly opened recording (null: none open). FX thread. */
    void show(ReplayEngine e) {
        engine = e;
        if (e == null) {
            notes.clear();
            return;
        }
        notes.setAll(e.reader().annotations().stream().filter(a -> !a.deleted())
                .map(a -> new Note(a.id(), a.deviceTimeUs(), a.text())).toList());
        notes.sort(Comparator.comparingLong(Note::timeUs));
    }

    /** Adds (no id) or replaces a note and saves it into the recording. */
    void save(Note n) {
        ReplayEngine d = engine;
        if (d == null || n.text() == null || n.text().isBlank()) {
            return;
        }
        inTurn(() -> {
            try {
                String text = n.text().strip();
                java.nio.file.Path before = d.file();
                Annotation a = d.saveAnnotation(n.id() == null ? Annotation.of(n.timeUs(), text)
                        : new Annotation(n.id(), n.timeUs(), text, false));
                java.nio.file.Path after = d.file();
                Note stored = new Note(a.id(), a.deviceTimeUs(), a.text());
                threads.fx().execute(() -> {
                    notes.removeIf(x -> x.id().equals(stored.id()));
                    notes.add(stored);
                    notes.sort(Comparator.comparingLong(Note::timeUs));
                    status.accept("Note saved at " + PlaybackClock.format(stored.timeUs() - d.startUs())
                            + (after.equals(before) ? "" : " in your copy " + after + " (" + before.getFileName()
                            + " is a sample or read-only and stays unchanged)"));
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.accept("Could not save the note: " + e.getMessage()));
            }
        });
    }

    /** Runs {@code task} in the background after every earlier save and delete. */
    private void inTurn(Runnable task) {
        saved = saved.thenRunAsync(task, threads.background());
    }

    /** Completes when every note change asked for so far is in the file (or failed, which was reported). */
    CompletableFuture<Void> saved() {
        return saved;
    }

    void delete(Note n) {
        ReplayEngine d = engine;
        if (d == null) {
            return;
        }
        inTurn(() -> {
            try {
                d.deleteAnnotation(new Annotation(n.id(), n.timeUs(), n.text(), false));
                threads.fx().execute(() -> {
                    notes.removeIf(x -> x.id().equals(n.id()));
                    status.accept("Note deleted");
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.accept("Could not delete the note: " + e.getMessage()));
            }
        });
    }
}
