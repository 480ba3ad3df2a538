package io.tactus.session;

import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.SignalSettings;
import io.tactus.signal.technique.Routine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Analyses what a user hands over: a Tactus recording, a raw protocol-v1 wire capture, or a DIY text capture.
 * The one place that decides the profile and opens the file, shared by `analyze`, `info`, reports, the session
 * library and cohort tables, so all of them see the same numbers.
 */
public final class FileAnalysis {

    /**
     * @param recording   a Tactus recording (false: a raw capture)
     * @param profile     profile id the flags were computed with (or "default (gentle)")
     * @param analysis    the analysis
     * @param pipeline    the last core the analysis built (its session metrics), may be null without frames
     * @param warnings    one line each (damage, a rejected metadata descriptor, frames decoded without a HELLO);
     *                    empty for a clean recording or capture. The recording's integrity is
     *                    {@code analysis().integrity()}
     * @param metadata    the recording's metadata (null for captures)
     * @param annotations the instructor's notes (empty for captures)
     */
    public record Result(boolean recording, String profile, SessionAnalysis analysis, SignalPipeline pipeline,
                         List<String> warnings, SessionMetadata metadata, List<Annotation> annotations) {
    }

    private FileAnalysis() {
    }

    /** Same as {@link #analyze(Path, String, AsciiOptions, DeviceDescriptor, Consumer)} without a layout. */
    public static Result analyze(Path file, String profileId, AsciiOptions text, Consumer<FrameSnapshot> perFrame)
            throws IOException {
        return analyze(file, profileId, text, null, perFrame);
    }

    /**
     * @param profileId profile for the flags; null = the recording's own if this version knows it, else the default
     * @param text      DIY text capture layout (--ascii RxC), or null for a recording / protocol-v1 capture
     * @param layout    descriptor standing in for a missing HELLO in a protocol-v1 capture (--layout RxC), or null
     * @param perFrame  gets every processed frame's snapshot, in order (may be null)
     * @throws IllegalArgumentException for an unknown profile id (message lists the valid ones), or a layout given
     *                                  with a recording ({@link #LAYOUT_WITH_RECORDING})
     * @throws IOException              with a one-line message for unreadable / hostile files
     */
    public static Result analyze(Path file, String profileId, AsciiOptions text, DeviceDescriptor layout,
                                 Consumer<FrameSnapshot> perFrame) throws IOException {
        return analyze(file, profileId, text, layout, perFrame, null);
    }

    /**
     * @param routine a guided routine every core follows from its first frame (a recording's own routine commands
     *                still apply where they were recorded), or null
     */
    public static Result analyze(Path file, String profileId, AsciiOptions text, DeviceDescriptor layout,
                                 Consumer<FrameSnapshot> perFrame, Routine routine) throws IOException {
        requireFile(file);
        if (layout != null && RecordingReader.isRecording(file)) {
            throw new IllegalArgumentException(LAYOUT_WITH_RECORDING);
        }
        Function<DeviceDescriptor, SignalPipeline> requested = pipelines(profileId); // fails early on a bad id
        AtomicReference<SignalPipeline> last = new AtomicReference<>();
        if (text != null) {
            SessionAnalysis a = new SessionAnalyzer(remembering(requested, last, routine))
                    .analyzeTextCapture(file, text, perFrame);
            if (a.metrics().frames() == 0) {
                throw new IOException(file + ": no " + text.rows() + "x" + text.cols() + " text frame found");
            }
            return new Result(false, profileName(profileId), a, last.get(), List.of(), null, List.of());
        }
        if (RecordingReader.isRecording(file)) {
            try (RecordingReader reader = RecordingReader.open(file)) {
                String profile = profileId != null ? profileId : Profiles.knownIdOrNull(reader.metadata().profile());
                SessionAnalysis a = new SessionAnalyzer(remembering(pipelines(profile), last, routine))
                        .analyze(reader, perFrame);
                return new Result(true, profileName(profile), a, last.get(), a.warnings(reader), reader.metadata(),
                        reader.annotations());
            } catch (RecordingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        SessionAnalysis a = new SessionAnalyzer(remembering(requested, last, routine)).analyzeCapture(file, layout, perFrame);
        if (a.metrics().frames() == 0 && a.stream().packets() == 0) {
            throw new IOException(file + " is neither a Tactus recording nor a protocol-v1 capture (no packet found)");
        }
        if (a.metrics().frames() == 0 && a.stream().framesWithoutHello() > 0) {
            throw new IOException(noHello(file, a.stream().framesWithoutHello()));
        }
        List<String> warnings = new ArrayList<>();
        if (a.stream().framesWithoutHello() > 0) {
            warnings.add(a.stream().framesWithoutHello() + " frames before the capture's first HELLO were skipped "
                    + "(give --layout RxC [--rate HZ] to include them)");
        }
        if (a.descriptorNote() != null) {
            warnings.add("frames decoded with the device description from " + a.descriptorNote());
        }
        return new Result(false, profileName(profileId), a, last.get(), List.copyOf(warnings), null, List.of());
    }

    public static final String LAYOUT_WITH_RECORDING = "--layout is for raw captures without a HELLO; a recording "
            + "carries its device description";

    /** The one line for a capture whose frames cannot be decoded because it never says HELLO. */
    public static String noHello(Path file, long frames) {
        return file.getFileName() + " starts without a HELLO (the device's description): its " + frames
                + " frames cannot be decoded; give --layout RxC [--rate HZ] [--pitch MM] to analyse it (a cat of a "
                + "running device misses the HELLO sent at boot)";
    }

    /** A core factory for a profile id (null: the core's defaults). */
    public static Function<DeviceDescriptor, SignalPipeline> pipelines(String profileId) {
        if (profileId == null) {
            return SignalPipeline::new;
        }
        SignalSettings settings = SignalSettings.defaults().withProfile(Profiles.byId(profileId));
        return d -> new SignalPipeline(d, settings);
    }

    /** One-line errors for a missing path or a directory. */
    public static void requireFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a file: " + file);
        }
    }

    private static Function<DeviceDescriptor, SignalPipeline> remembering(
            Function<DeviceDescriptor, SignalPipeline> base, AtomicReference<SignalPipeline> last, Routine routine) {
        return d -> {
            SignalPipeline p = base.apply(d);
            if (routine != null) {
                p.startRoutine(routine);
            }
            last.set(p);
            return p;
        };
    }


    private static String profileName(String id) {
        return id != null ? id : "default (" + SignalSettings.defaults().profile().id() + ")";
    }
}
