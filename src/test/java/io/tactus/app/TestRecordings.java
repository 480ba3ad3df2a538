package io.tactus.app;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.PipelineCommands;
import io.tactus.session.RecordingStatus;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.flags.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recordings for tests: the sample recordings when present (system property tactus.samplesDir), otherwise made
 * here from a simulator scenario through the session layer's writer, as fast as it writes.
 */
public final class TestRecordings {

    private TestRecordings() {
    }

    /** Writes {@code seconds} of {@code scenario} (32x32, 100 Hz) into {@code file}. */
    public static Path make(Path file, String scenario, double seconds) throws IOException {
        return make(file, scenario, seconds, SimOptions.defaults());
    }

    /** A long one: the scenario over and over (device time and sequence continue) for {@code seconds}. */
    public static Path makeLooped(Path file, String scenario, double seconds) throws IOException {
        return make(file, scenario, seconds, SimOptions.defaults().withLoop(true));
    }

    /**
     * As {@link #make}, recorded with the pressure profile {@code profileId} (the profile command the live view
     * records when a session starts).
     */
    public static Path makeWithProfile(Path file, String scenario, double seconds, String profileId)
            throws IOException {
        return make(file, scenario, seconds, SimOptions.defaults(), profileId);
    }

    private static Path make(Path file, String scenario, double seconds, SimOptions options) throws IOException {
        return make(file, scenario, seconds, options, null);
    }

    private static Path make(Path file, String scenario, double seconds, SimOptions options, String profileId)
            throws IOException {
        ScenarioStream s = ScenarioStream.open(scenario, options);
        SessionMetadata m = SessionMetadata.now().withTrainee("T01").withReceiver("R01").withSource("test")
                .withDevice(s.descriptor()).withAppVersion("test");
        Files.createDirectories(file.toAbsolutePath().getParent());
        RecordingWriter w = new RecordingWriter(file, m, 256L << 20, null);
        long arrival = 0;
        if (profileId != null) {
            w.offerCommand(0, PipelineCommands.profile(Profiles.byId(profileId)));
        }
        long limitUs = (long) (seconds * 1e6);
        Packet p;
        while ((p = s.next()) != null && s.elapsedUs() <= limitUs) {
            w.offerPacket(arrival++, new TimedPacket(p, s.elapsedUs() * 1000));
        }
        RecordingStatus st = w.stop(30_000);
        if (st.error() != null) {
            throw new IOException(st.error());
        }
        return file;
    }

    /** A sample recording by name from tactus.samplesDir, or null when it is not there. */
    public static Path sample(String name) {
        String dir = System.getProperty("tactus.samplesDir");
        if (dir == null) {
            return null;
        }
        Path p = Path.of(dir, name);
        return Files.isRegularFile(p) ? p : null;
    }
}
