package io.tactus.session;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates sample-recordings/: simulator scenarios written through the real {@link RecordingWriter}, with
 * host receive times that follow device time (as if received live). Deterministic apart from the metadata's
 * start time. Run with {@code sample-recordings/make.sh}.
 */
public final class SampleRecordingsMain {

    /**
     * name, scenario, sparse frames, trainee, receiver, notes. The clean session follows the built-in guided routine:
     * the trainee started it in the app right after connecting (a recorded {@code routine_start} command), so its
     * replay and {@code tactus analyze} show the routine's progress.
     */
    private static final String[][] SAMPLES = {
        {"gentle-routine", "gentle-routine", "true", "trainee-01", "receiver-A",
            "clean gentle routine, following the built-in guided routine"},
        {"spine-contact", "spine-contact", "true", "trainee-02", "receiver-A", "thumb slides onto the spine"},
        {"shoulder-overpressure", "shoulder-overpressure", "true", "trainee-02", "receiver-B",
            "too much pressure on a shoulder"},
        {"scapula-contact", "scapula-contact", "true", "trainee-04", "receiver-A", "pressure on the shoulder blades"},
        {"mistakes", "mistakes", "true", "trainee-04", "receiver-B",
            "every mistake at once, with the receiver's 'too much' button"},
        {"glove", "glove", "false", "trainee-03", "receiver-B", "glove with pose, includes mistakes"},
    };

    private SampleRecordingsMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-recordings");
        Files.createDirectories(dir);
        for (String[] s : SAMPLES) {
            Path f = dir.resolve(s[0] + ".tactus");
            long bytes = write(f, s[1], Boolean.parseBoolean(s[2]), s[3], s[4], s[5]);
            System.out.printf("%s: %,d bytes%n", f, bytes);
        }
    }

    /** The packet before which the guided routine starts (0 is the HELLO): as the app records it after connecting. */
    static final long ROUTINE_STARTS_BEFORE_PACKET = 1;

    static long write(Path file, String scenario, boolean sparse, String trainee, String receiver, String notes)
            throws Exception {
        boolean routine = scenario.equals("gentle-routine");
        ScenarioStream stream = ScenarioStream.open(scenario, SimOptions.defaults().withSparse(sparse));
        SessionMetadata meta = SessionMetadata.now().withAppVersion("sample-generator")
                .withSource("simulator: " + scenario).withDevice(stream.descriptor()).withProfile("gentle")
                .withTrainee(trainee).withReceiver(receiver).withNotes(notes);
        RecordingWriter w = new RecordingWriter(file, meta, 1L << 30, null);
        long hostStart = w.startHostNanos();
        long lastRaw = -1;
        long unwrapped = 0;
        long n = 0;
        Packet p;
        while ((p = stream.next()) != null) {
            if (lastRaw >= 0) {
                unwrapped += Math.floorMod(p.deviceTimeUs() - lastRaw, 1L << 32);
            }
            lastRaw = p.deviceTimeUs();
            if (routine && n == ROUTINE_STARTS_BEFORE_PACKET) {
                w.offerCommand(n, PipelineCommands.routineStart(null)); // the built-in routine
            }
            if (!w.offerPacket(n++, new TimedPacket(p, hostStart + unwrapped * 1000))) {
                throw new IllegalStateException("recorder refused packet " + n + ": " + w.status().error());
            }
        }
        RecordingStatus st = w.stop(60_000);
        if (st.error() != null) {
            throw new IllegalStateException(st.error());
        }
        return Files.size(file);
    }
}
