package io.tactus.app.export;

import io.tactus.app.fx.Threads;
import io.tactus.session.IoReason;
import io.tactus.session.export.CancelToken;
import io.tactus.session.export.ExportCancelledException;
import io.tactus.session.export.ExportFormat;
import io.tactus.session.export.ExportOptions;
import io.tactus.session.export.ExportResult;
import io.tactus.session.export.ExportSource;
import io.tactus.session.export.OutputExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The export dialog's state: format, folder, anonymisation; runs the session layer's exporter on a background
 * thread with progress and cancel. Progress arrives from the exporting thread every few thousand frames and is
 * handed to the FX thread.
 */
public final class ExportViewModel {

    private final Threads threads;
    private final Callable<ExportSource> source;
    private final String baseName;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final ObjectProperty<Path> outDir = new SimpleObjectProperty<>();
    private final BooleanProperty anonymize = new SimpleBooleanProperty(true);
    private final BooleanProperty replaceExisting = new SimpleBooleanProperty(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final AtomicReference<CancelToken> cancel = new AtomicReference<>();

    public ExportViewModel(Threads threads, Callable<ExportSource> source, String baseName, Path outDir) {
        this.threads = threads;
        this.source = source;
        this.baseName = baseName;
        this.outDir.set(outDir);
    }

    public void start() {
        if (running.get()) {
            return;
        }
        Path dir = outDir.get();
        if (dir == null) {
            message.set("Pick a folder to export into");
            return;
        }
        ExportFormat f = format.get();
        ExportOptions options = ExportOptions.DEFAULT.withAnonymize(anonymize.get())
                .withReplaceExisting(replaceExisting.get());
        CancelToken token = new CancelToken();
        cancel.set(token);
        running.set(true);
        done.set(false);
        progress.set(0);
        message.set("Exporting " + f.id().toUpperCase(Locale.ROOT) + "...");
        threads.background().execute(() -> {
            try {
                ExportSource s = source.call();
                ExportResult r = f.newExporter().export(s, dir, baseName, options, p -> threads.fx().execute(() -> {
                    progress.set(p.fraction());
                    message.set(String.format(Locale.ROOT, "%s: %d of %s frames", p.phase(), p.framesDone(),
                            p.framesTotal() < 0 ? "?" : Long.toString(p.framesTotal())));
                }), token);
                threads.fx().execute(() -> finish(String.format(Locale.ROOT, "Done: %d frames, %d file(s), %.1f MB in %s",
                        r.frames(), r.files().size(), r.bytes() / 1e6, dir), true));
            } catch (ExportCancelledException e) {
                threads.fx().execute(() -> finish("Cancelled: nothing was written", false));
            } catch (OutputExistsException e) {
                threads.fx().execute(() -> finish("Nothing written: " + e.file().getFileName()
                        + " already exists in that folder. Tick \"Replace existing files\" or pick another folder.",
                        false));
            } catch (Exception e) {
                String why = IoReason.message(e);
                threads.fx().execute(() -> finish("Export failed: " + why, false));
            }
        });
    }

    private void finish(String text, boolean ok) {
        running.set(false);
        done.set(ok);
        if (ok) {
            progress.set(1);
        }
        message.set(text);
    }

    public void cancel() {
        CancelToken t = cancel.get();
        if (t != null && running.get()) {
            t.cancel();
            message.set("Cancelling...");
        }
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Path> outDirProperty() {
        return outDir;
    }

    public BooleanProperty anonymizeProperty() {
        return anonymize;
    }

    public BooleanProperty replaceExistingProperty() {
        return replaceExisting;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
