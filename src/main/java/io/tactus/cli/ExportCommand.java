package io.tactus.cli;

import io.tactus.session.export.CancelToken;
import io.tactus.session.export.ExportCancelledException;
import io.tactus.session.export.ExportFormat;
import io.tactus.session.export.ExportOptions;
import io.tactus.session.export.ExportProgress;
import io.tactus.session.export.ExportResult;
import io.tactus.session.export.OutputExistsException;
import io.tactus.session.export.FileExport;
import io.tactus.session.export.ProgressListener;
import io.tactus.protocol.PrintableText;
import io.tactus.session.IoReason;
import io.tactus.signal.flags.Profiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code tactus export FILE --format csv|mat|hdf5|asf --out DIR}: a recording or a raw wire capture, replayed
 * through the signal core, written for analysis tools. Streams with bounded memory; Ctrl-C cancels and removes
 * partial files.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a recording (or a raw wire capture) for analysis tools.",
            "csv: pressure (one column per cell, or --long), summary, events, annotations and a JSON sidecar.",
            "mat: MATLAB v5 (scipy.io.loadmat). hdf5: HDF5 (h5py, MATLAB h5read).",
            "asf: Tekscan ASF-style ASCII (e.g. R pressuRe load_tekscan) and a JSON sidecar."})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a Tactus recording, or a raw wire capture")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FMT", converter = FormatConverter.class,
            description = "csv, mat, hdf5 or asf")
    ExportFormat format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "output directory (created if missing; default: current directory)")
    Path out;

    @Option(names = "--name", paramLabel = "BASE",
            description = "file name stem of the outputs (default: FILE's name without extension)")
    String name;

    @Option(names = "--anonymize", description = "pseudonyms only: drop notes, annotation texts, device serial, "
            + "source file name")
    boolean anonymize;

    @Option(names = "--keep-annotation-text", description = "with --anonymize: keep annotation texts")
    boolean keepAnnotationText;

    @Option(names = "--time-shift", paramLabel = "S", defaultValue = "0",
            description = "seconds added to the exported UTC start time (may be negative), e.g. -86400")
    double timeShiftS;

    @Option(names = "--long", description = "csv: pressure as tidy rows (frame,time_s,row,col,kpa), non-zero "
            + "cells only")
    boolean longForm;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = ProfileIds.class,
            description = "Detection profile for the replayed flags: ${COMPLETION-CANDIDATES} (default: the "
                    + "recording's, else " + Profiles.DEFAULT_ID + ").")
    String profile;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Option(names = "--force", description = "replace existing files of the same names (default: refuse, write nothing)")
    boolean force;

    @CommandLine.Mixin
    TextCaptureOptions textOptions = new TextCaptureOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outW = spec.commandLine().getOut();
        if (!Double.isFinite(timeShiftS) || Math.abs(timeShiftS) > 1e10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-shift must be a number of seconds");
        }
        if (profile != null) {
            try {
                Profiles.byId(profile);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        io.tactus.protocol.AsciiOptions text = textOptions.parse(spec.commandLine());
        io.tactus.protocol.DeviceDescriptor layout = textOptions.layout(spec.commandLine());
        if (layout != null && io.tactus.session.RecordingReader.isRecording(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), SessionFiles.LAYOUT_WITH_RECORDING);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        ExportOptions options = new ExportOptions(anonymize, keepAnnotationText,
                Duration.ofNanos(Math.round(timeShiftS * 1e9)), longForm, force);
        String base = name != null ? name : FileExport.defaultBaseName(file);
        if (base.isBlank() || base.contains("/") || base.contains("\\") || base.equals(".") || base.equals("..")
                || base.chars().anyMatch(c -> PrintableText.isUnsafe((char) c) || c == '\n' || c == '\t')) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--name must be a plain file name stem (no path separators or control characters)");
        }
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: cancel, then let the exporter delete its partial files before the JVM exits.
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tactus-export-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try {
            ProgressListener progress = quiet ? ProgressListener.NONE : new ConsoleProgress(err);
            ExportResult r = text != null
                    ? FileExport.exportText(file, text, format, out, base, profile, options, progress, cancel)
                    : FileExport.export(file, layout, format, out, base, profile, options, progress, cancel);
            double s = (System.nanoTime() - t0) / 1e9;
            for (String w : r.warnings()) {
                err.println("tactus: warning: " + w);
            }
            for (Path p : r.files()) {
                outW.println(p);
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "export: %d frames, %d files, %.1f MB in %.1f s%n", r.frames(),
                        r.files().size(), r.bytes() / 1e6, s);
            }
            outW.flush();
            return 0;
        } catch (ExportCancelledException e) {
            err.println("tactus: export cancelled, no files written");
            return 1;
        } catch (OutputExistsException e) {
            throw new IOException("export of " + file.getFileName() + ": " + e.getMessage()
                    + ", nothing written (give --force to replace, or --out / --name for other names)", e);
        } catch (IOException e) {
            throw new IOException("export of " + file.getFileName() + " failed: " + IoReason.message(e), e);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    /** Progress on stderr, one line per 10%. */
    private static final class ConsoleProgress implements ProgressListener {
        private final PrintWriter err;
        private int lastDecile = -1;

        ConsoleProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onProgress(ExportProgress p) {
            int decile = (int) Math.floor(p.fraction() * 10);
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                err.printf(Locale.ROOT, "export: %3d%% (%s, %d%s frames)%n", decile * 10, p.phase(), p.framesDone(),
                        p.framesTotal() >= 0 ? "/" + p.framesTotal() : "");
                err.flush();
            }
        }
    }

    /** Bad format names are argument errors (exit 2) listing the valid names. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
