package io.tactus.bench;

import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Generates the sessions for bench/cohort.sh: N recordings of S seconds each (32x32 at 100 Hz, sparse frames like
 * the sample recordings), rotating the simulator's scenarios (looped) over ten trainee pseudonyms, one day apart.
 * Usage: {@code generate DIR N SECONDS [DISTINCT]}: with DISTINCT &lt; N only that many are simulated and the rest
 * are byte copies of them (writing 200 ten-minute sessions through the simulator takes longer than indexing them;
 * the indexer analyses every path whatever its content, so copies cost the same to index).
 */
public final class CohortBenchMain {

    private static final String[] SCENARIOS = {Scenarios.GENTLE_ROUTINE, Scenarios.MISTAKES, Scenarios.SPINE_CONTACT,
        Scenarios.SHOULDER_OVERPRESSURE, Scenarios.SCAPULA_CONTACT};

    private CohortBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int distinct = args.length > 4 ? Integer.parseInt(args[4]) : n;
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "session-%03d.tactus", i));
            if (!Files.exists(f)) {
                if (i < distinct) {
                    write(f, i, seconds);
                } else {
                    Files.copy(dir.resolve(String.format(Locale.ROOT, "session-%03d.tactus", i % distinct)), f);
                }
            }
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "%d sessions of %d s in %s: %.0f MB, %.0f s%n", n, seconds, dir, bytes / 1e6,
                (System.nanoTime() - t0) / 1e9);
    }

    static void write(Path file, int i, int seconds) throws Exception {
        SimOptions o = SimOptions.defaults();
        SimOptions looped = new SimOptions(o.seed() + i, 100, true, 32, 32, o.pitchXmm(), o.pitchYmm(), true,
                o.clockStartUs(), 0);
        String scenario = SCENARIOS[i % SCENARIOS.length];
        ScenarioStream s = ScenarioStream.open(scenario, looped);
        SessionMetadata meta = SessionMetadata.now().withAppVersion("bench").withSource("simulator: " + scenario)
                .withDevice(s.descriptor()).withProfile("gentle")
                .withTrainee(String.format(Locale.ROOT, "trainee-%02d", i % 10)).withReceiver("receiver-A")
                .withStartUtc(Instant.parse("2026-01-01T09:00:00Z").plusSeconds(86_400L * (i / 10)).toString());
        RecordingStatus st = SessionBenchMain.writeFrames(file, s, meta, seconds * 100L);
        if (st.error() != null || st.lostPackets() > 0) {
            throw new IllegalStateException(file + ": " + st.error() + ", lost " + st.lostPackets());
        }
    }
}
