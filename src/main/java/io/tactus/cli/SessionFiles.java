package io.tactus.cli;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.session.FileAnalysis;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        FileAnalysis.requireFile(file);
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
        FileAnalysis.Result r = FileAnalysis.analyze(file, profileId, text, layout, null);
        return new Analyzed(r.recording(), r.profile(), r.analysis(), r.pipeline(), r.warnings());
    }

    static final String LAYOUT_WITH_RECORDING = FileAnalysis.LAYOUT_WITH_RECORDING;

    /** The one line for a capture whose frames cannot be decoded because it never says HELLO. */
    static String noHello(Path file, long frames) {
        return FileAnalysis.noHello(file, frames);
    }
}
