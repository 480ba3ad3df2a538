package io.tactus.cli;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.session.RecordingException;
import io.tactus.session.RecordingReader;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionAnalyzer;
import io.tactus.session.export.FileExport;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Opens what `info` and `analyze` are given: a Tactus recording, or a raw wire capture (the bytes a device
 * sent), and runs it through the core. One place, so both commands treat files the same way.
 */
final class SessionFiles {

    /**
     * The analysis plus the last pipeline the analyzer built (its session metrics).
     *
     * @param warnings one line each (damage, a rejected metadata descriptor, frames decoded without a HELLO);
     *                 empty for a clean recording or capture
     */
    record Analyzed(boolean recording, String profile, SessionAnalysis analysis, SignalPipeline pipeline,
                    List<String> warnings) {
    }

    private SessionFiles() {
    }

    static void requireFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a file: " + file);
        }
    }

    /**
     * @param profileId profile for the flags; null = the recording's own if it is known, else the default
     * @throws IllegalArgumentException for an unknown profile id (message lists the valid ones)
     * @throws IOException              with a one-line message for unreadable / hostile files
     */
    static Analyzed analyze(Path file, String profileId) throws IOException {
        return analyze(file, profileId, null);
    }

    /** @param text DIY text capture layout (--ascii RxC), or null for a recording / protocol-v1 capture */
    static Analyzed analyze(Path file, String profileId, io.tactus.protocol.AsciiOptions text) throws IOException {
        return analyze(file, profileId, text, null);
    }

    /**
     * @param layout descriptor standing in for a missing HELLO in a protocol-v1 capture (--layout RxC), or null
     * @throws IllegalArgumentException also for --layout given with a recording (it carries its own description)
     */
    static Analyzed analyze(Path file, String profileId, io.tactus.protocol.AsciiOptions text,
                            DeviceDescriptor layout) throws IOException {
        requireFile(file);
        if (layout != null && RecordingReader.isRecording(file)) {
            throw new IllegalArgumentException(LAYOUT_WITH_RECORDING);
        }
        if (text != null) {
            AtomicReference<SignalPipeline> last = new AtomicReference<>();
            SessionAnalysis a = new SessionAnalyzer(remembering(FileExport.pipelines(profileId), last))
                    .analyzeTextCapture(file, text, null);
            if (a.metrics().frames() == 0) {
                throw new IOException(file + ": no " + text.rows() + "x" + text.cols() + " text frame found");
            }
            return new Analyzed(false, profileName(profileId), a, last.get(), List.of());
        }
        AtomicReference<SignalPipeline> last = new AtomicReference<>();
        if (RecordingReader.isRecording(file)) {
            try (RecordingReader reader = RecordingReader.open(file)) {
                String profile = profileId != null ? profileId : knownProfile(reader.metadata().profile());
                SessionAnalysis a = new SessionAnalyzer(remembering(FileExport.pipelines(profile), last))
                        .analyze(reader);
                return new Analyzed(true, profileName(profile), a, last.get(), a.warnings(reader));
            } catch (RecordingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Function<DeviceDescriptor, SignalPipeline> base = FileExport.pipelines(profileId);
        SessionAnalysis a = new SessionAnalyzer(remembering(base, last)).analyzeCapture(file, layout, null);
        if (a.metrics().frames() == 0 && a.stream().packets() == 0) {
            throw new IOException(file + " is neither a Tactus recording nor a protocol-v1 capture (no packet found)");
        }
        if (a.metrics().frames() == 0 && a.stream().framesWithoutHello() > 0) {
            throw new IOException(noHello(file, a.stream().framesWithoutHello()));
        }
        List<String> warnings = new java.util.ArrayList<>();
        if (a.stream().framesWithoutHello() > 0) {
            warnings.add(a.stream().framesWithoutHello() + " frames before the capture's first HELLO were skipped "
                    + "(give --layout RxC [--rate HZ] to include them)");
        }
        if (a.descriptorNote() != null) {
            warnings.add("frames decoded with the device description from " + a.descriptorNote());
        }
        return new Analyzed(false, profileName(profileId), a, last.get(), List.copyOf(warnings));
    }

    static final String LAYOUT_WITH_RECORDING = "--layout is for raw captures without a HELLO; a recording carries "
            + "its device description";

    /** The one line for a capture whose frames cannot be decoded because it never says HELLO. */
    static String noHello(Path file, long frames) {
        return file.getFileName() + " starts without a HELLO (the device's description): its " + frames
                + " frames cannot be decoded; give --layout RxC [--rate HZ] [--pitch MM] to analyse it (a cat of a "
                + "running device misses the HELLO sent at boot)";
    }


    private static Function<DeviceDescriptor, SignalPipeline> remembering(
            Function<DeviceDescriptor, SignalPipeline> base, AtomicReference<SignalPipeline> last) {
        return d -> {
            SignalPipeline p = base.apply(d);
            last.set(p);
            return p;
        };
    }

    private static String knownProfile(String id) {
        if (id == null) {
            return null;
        }
        try {
            FileExport.pipelines(id);
            return id;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String profileName(String id) {
        return id != null ? id : "default (" + io.tactus.signal.SignalSettings.defaults().profile().id() + ")";
    }
}
