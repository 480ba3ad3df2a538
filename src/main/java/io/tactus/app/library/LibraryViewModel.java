package io.tactus.app.library;

import io.tactus.app.fx.Threads;
import io.tactus.library.LibraryEntry;
import io.tactus.library.SessionLibrary;
import io.tactus.report.ReportWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The library view's state: search fields (trainee, profile, dates), the matching sessions, the trainees, and the
 * selected trainee's sessions for the progress chart. Database work runs on the background executor, one operation
 * at a time, opening the library only for that operation (the CLI may use it in between); results come back on
 * the FX executor. Testable without a stage.
 */
public final class LibraryViewModel {

    /** What the view asks of the rest of the app. */
    public interface Opener {
        void open(Path recording);

        void compare(Path recording, Path reference);
    }

    private final Threads threads;
    private final Path libraryFile;
    private final Opener opener;
    private final Object dbLock = new Object();
    private final StringProperty trainee = new SimpleStringProperty();
    private final StringProperty profile = new SimpleStringProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<LibraryEntry> sessions = FXCollections.observableArrayList();
    private final ObservableList<String> trainees = FXCollections.observableArrayList();
    private final ObservableList<LibraryEntry> progress = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Add a folder of recordings to the library");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public LibraryViewModel(Threads threads, Path libraryFile, Opener opener) {
        this.threads = threads;
        this.libraryFile = libraryFile;
        this.opener = opener;
    }

    public StringProperty traineeProperty() {
        return trainee;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Sessions matching the search, oldest first. */
    public ObservableList<LibraryEntry> sessions() {
        return sessions;
    }

    public ObservableList<String> trainees() {
        return trainees;
    }

    /** Every session of the searched trainee (empty without one), oldest first: the progress chart's data. */
    public ObservableList<LibraryEntry> progress() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Path libraryFile() {
        return libraryFile;
    }

    /** Adds a folder to the library, indexes it (all cores) and searches again. */
    public void addFolder(Path dir) {
        run("Indexing " + dir + " ...", lib -> {
            var o = lib.add(List.of(dir), null, Runtime.getRuntime().availableProcessors(), null).get(0);
            return String.format(Locale.ROOT, "%s: %d recordings, %d analysed, %d unchanged, %d damaged or cut,"
                    + " %d unreadable", dir.getFileName(), o.found(), o.analysed(), o.unchanged(), o.damaged(),
                    o.unreadable());
        });
    }

    /** Re-indexes the library's folders (changed files only). */
    public void refresh() {
        run("Refreshing the library ...", lib -> {
            int analysed = lib.refresh(Runtime.getRuntime().availableProcessors(), null).stream()
                    .mapToInt(o -> o.analysed()).sum();
            return "Library refreshed: " + analysed + " recordings analysed";
        });
    }

    /** Runs the search with the current fields. */
    public void search() {
        run(null, lib -> null);
    }

    public void open(LibraryEntry e) {
        if (e == null) {
            message.set("Select a session to open");
            return;
        }
        opener.open(e.path());
    }

    /** Opens the first of exactly two sessions with the second as its comparison. */
    public void compare(List<LibraryEntry> two) {
        if (two.size() != 2) {
            message.set("Select exactly two sessions to compare (Ctrl+click)");
            return;
        }
        opener.compare(two.get(0).path(), two.get(1).path());
    }

    /** Writes the session's report into {@code outDir} (HTML). */
    public void report(LibraryEntry e, Path outDir) {
        if (e == null) {
            message.set("Select a session for its report");
            return;
        }
        busy.set(true);
        message.set("Writing the report of " + e.fileName() + " ...");
        threads.background().execute(() -> {
            String result;
            try {
                List<Path> files = ReportWriter.write(e.path(), null, outDir, null, List.of(ReportWriter.Format.HTML));
                result = "Report written: " + files.get(0);
            } catch (Exception ex) {
                result = "Cannot write the report: " + oneLine(ex);
            }
            String r = result;
            threads.fx().execute(() -> {
                busy.set(false);
                message.set(r);
            });
        });
    }

    /** A database operation returning a message (null keeps the current one), then a fresh search. */
    private interface Work {
        String run(SessionLibrary lib) throws Exception;
    }

    private void run(String startMessage, Work work) {
        busy.set(true);
        if (startMessage != null) {
            message.set(startMessage);
        }
        String t = blankToNull(trainee.get());
        SessionLibrary.Query q = new SessionLibrary.Query(t, blankToNull(profile.get()),
                from.get() == null ? null : from.get().toString(), to.get() == null ? null : to.get().toString());
        threads.background().execute(() -> {
            String msg;
            List<LibraryEntry> found = List.of();
            List<String> names = List.of();
            List<LibraryEntry> mine = List.of();
            synchronized (dbLock) {
                try (SessionLibrary lib = SessionLibrary.open(libraryFile)) {
                    msg = work.run(lib);
                    found = lib.list(q);
                    names = lib.trainees();
                    mine = t == null ? List.of() : lib.list(SessionLibrary.Query.trainee(t));
                    if (msg == null) {
                        msg = found.size() + " sessions" + (t == null ? "" : " of " + t);
                    }
                } catch (Exception ex) {
                    msg = oneLine(ex);
                }
            }
            String m = msg;
            List<LibraryEntry> f = found;
            List<String> n = names;
            List<LibraryEntry> p = mine;
            threads.fx().execute(() -> {
                sessions.setAll(f);
                if (!n.isEmpty() || trainees.isEmpty()) {
                    trainees.setAll(n);
                }
                progress.setAll(p);
                message.set(m);
                busy.set(false);
            });
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String oneLine(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    }
}
