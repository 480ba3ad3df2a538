package io.tactus.session.export;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.session.RecordingException;
import io.tactus.session.RecordingReader;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.SignalSettings;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Exports a file, whatever it is: a Tactus recording (replayed through the core with the profile it was made
 * with, unless another is asked for) or a raw wire capture. The one call the CLI and the app both use.
 */
public final class FileExport {

    private FileExport() {
    }

    /**
     * @param profileId detection profile for the replayed flags, or null for the recording's own (else default)
     * @param baseName  output file stem, or null for the file's name without extension (dots become '_')
     * @throws IllegalArgumentException for an unknown {@code profileId} (the message lists the valid ones)
     * @throws IOException              with a one-line message; no files are left behind
     */
    public static ExportResult export(Path file, ExportFormat format, Path outDir, String baseName, String profileId,
                                      ExportOptions options, ProgressListener progress, CancelToken cancel)
            throws IOException {
        return export(file, null, format, outDir, baseName, profileId, options, progress, cancel);
    }

    /**
     * @param layout descriptor standing in for a missing HELLO when {@code file} is a protocol-v1 capture that
     *               starts without one (the CLI's --layout); null otherwise
     */
    public static ExportResult export(Path file, DeviceDescriptor layout, ExportFormat format, Path outDir,
                                      String baseName, String profileId, ExportOptions options,
                                      ProgressListener progress, CancelToken cancel) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        String base = baseName != null ? baseName : defaultBaseName(file);
        Exporter exporter = format.newExporter();
        if (RecordingReader.isRecording(file)) {
            String id = profileId != null ? profileId : Profiles.knownIdOrNull(recordedProfile(file));
            try (RecordingExportSource src = RecordingExportSource.open(file, pipelines(id))) {
                return exporter.export(src, outDir, base, options, progress, cancel).withWarnings(src.warnings());
            }
        }
        ExportSource capture = CaptureExportSource.open(file, pipelines(profileId), layout);
        return exporter.export(capture, outDir, base, options, progress, cancel);
    }

    /** Exports a capture of a DIY text grid (see {@link CaptureExportSource#openText}). */
    public static ExportResult exportText(Path file, io.tactus.protocol.AsciiOptions text, ExportFormat format,
                                          Path outDir, String baseName, String profileId, ExportOptions options,
                                          ProgressListener progress, CancelToken cancel) throws IOException {
        String base = baseName != null ? baseName : defaultBaseName(file);
        ExportSource capture = CaptureExportSource.openText(file, pipelines(profileId), text);
        return format.newExporter().export(capture, outDir, base, options, progress, cancel);
    }

    /** FILE's name without its last extension; dots become '_' (pressuRe reads the text after the first dot). */
    public static String defaultBaseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot > 0) {
            n = n.substring(0, dot);
        }
        return n.replace('.', '_');
    }

    /** A core factory for a profile id (null: the core's defaults). */
    public static Function<DeviceDescriptor, SignalPipeline> pipelines(String profileId) {
        return io.tactus.session.FileAnalysis.pipelines(profileId);
    }

    private static String recordedProfile(Path file) {
        try (RecordingReader r = RecordingReader.open(file)) {
            return r.metadata().profile();
        } catch (RecordingException e) {
            return null; // opening again reports the problem
        }
    }

}
