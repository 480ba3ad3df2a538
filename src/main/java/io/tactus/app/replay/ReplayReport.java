package io.tactus.app.replay;

import io.tactus.app.fx.Threads;
import io.tactus.report.ReportWriter;
import io.tactus.session.ReplayEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The replay view's Report button: the session report of the open recording, written by the one report path
 * ({@link ReportWriter}, as {@code tactus report} and the Library tab write it) in the background, once the
 * instructor's pending note changes are in the file (so the report has every note), then opened.
 */
public final class ReplayReport {

    private final Threads threads;
    private final Consumer<String> status;
    private Supplier<Path> outDir;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private Consumer<Path> open;

    /** @param outDir where reports go (read when one is written) */
    ReplayReport(Threads threads, Consumer<String> status, Supplier<Path> outDir) {
        this.threads = threads;
        this.status = status;
        this.outDir = outDir;
    }

    /** Where reports go (default: the user's reports folder, {@code TactusHome/reports}). */
    public void setFolder(Supplier<Path> folder) {
        this.outDir = folder;
    }

    /** What shows a written report (the app: the desktop's browser); null (the default): only its path is told. */
    public void setOpener(Consumer<Path> opener) {
        this.open = opener;
    }

    /** Writes the report of {@code doc} after {@code notesSaved}; FX thread. */
    void write(ReplayEngine doc, CompletableFuture<Void> notesSaved) {
        if (doc == null) {
            status.accept("Open a recording first: its report is written from it");
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Path dir = outDir.get();
        Consumer<Path> opener = open;
        status.accept("Writing the report of " + doc.file().getFileName() + "...");
        notesSaved.thenRunAsync(() -> {
            Path file = null;
            String message;
            try {
                // the file the notes went into (a sample's notes are in the user's copy), its own profile
                List<Path> out = ReportWriter.write(doc.file(), null, dir, null, List.of(ReportWriter.Format.HTML));
                file = out.get(0);
                message = "Report written: " + file + (opener == null ? "" : " (opening it in your browser)");
            } catch (Exception e) {
                message = "Could not write the report: " + ReplayCompare.why(e);
            }
            Path done = file;
            String m = message;
            threads.fx().execute(() -> {
                busy.set(false);
                status.accept(m);
                if (done != null) {
                    written.set(done);
                    if (opener != null) {
                        opener.accept(done);
                    }
                }
            });
        }, threads.background());
    }

    /** True while a report is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last report written (null before the first). */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
