package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.protocol.Packet;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.PipelineControl;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.Registration;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.metrics.SessionMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replay engine's exactness: for random targets, in random order, a seek (restore the nearest checkpoint,
 * run forward) gives byte for byte the snapshot, the events so far and the session metrics of a straight run of
 * the core from the start of the file; and a core restored from a checkpoint equals the straight core field by
 * field ({@link DeepCompare}), so state a stage forgets to capture fails here even when the outputs of these
 * recordings happen not to show it. Recordings: the samples, plus generated ones with recorded commands (tare,
 * profile switch, registration, spine band, limits, routine, spine trace), markers, a glove, a clock wrap, and
 * a HELLO mid-session (the same sensor at a new rate; another sensor, a new segment).
 */
class ReplayExactnessTest {

    private static final Function<DeviceDescriptor, SignalPipeline> CORE = SignalPipeline::new;
    private static final Path SAMPLES = Path.of("sample-recordings");

    @TempDir
    static Path dir;

    static Stream<String> recordings() {
        return Stream.of("sample:mistakes", "sample:glove", "sample:gentle-routine", "sample:spine-contact",
                "generated:mistakes", "generated:glove", "generated-wrap:gentle-routine", "rehello-rate:spine-contact",
                "rehello-other:spine-contact");
    }

    private static Path file(String spec) throws Exception {
        String[] p = spec.split(":");
        if (p[0].equals("sample")) {
            return SAMPLES.resolve(p[1] + ".tactus");
        }
        Path f = dir.resolve(p[0] + "-" + p[1] + ".tactus");
        if (!f.toFile().exists() && p[0].startsWith("rehello")) {
            // a HELLO 9 s in: the same sensor at another rate continues, another sensor starts a new segment
            long at = SimOptions.DEFAULT_CLOCK_START_US + 9_000_000L;
            List<Packet> packets = ReHelloTest.withHelloBetweenTheEvents(p[0].equals("rehello-rate")
                    ? d -> ReHelloTest.withRate(d, 25) : ReHelloTest::otherSensor, at);
            RecordingWriter w = new RecordingWriter(f, SessionMetadata.now(), 1L << 30, null);
            long n = 0;
            for (Packet k : packets) {
                w.offerPacket(n++, new TimedPacket(k, k.deviceTimeUs() * 1000));
            }
            assertEquals(null, w.stop(30_000).error());
        } else if (!f.toFile().exists()) {
            SimOptions o = SimOptions.defaults().withSparse(false).withDrift(300);
            if (p[0].equals("generated-wrap")) {
                o = o.withClockStartUs((1L << 32) - 9_000_000L); // the 32-bit device clock wraps after 9 s
            }
            writeWithCommands(f, p[1], o);
        }
        return f;
    }

    /** A scenario written through the real writer, with pipeline commands recorded at chosen packets. */
    private static void writeWithCommands(Path file, String scenario, SimOptions options) throws Exception {
        ScenarioStream stream = ScenarioStream.open(scenario, options);
        SessionMetadata meta = SessionMetadata.now().withDevice(stream.descriptor()).withProfile("gentle");
        Map<Integer, PipelineCommand> commands = Map.ofEntries(
                Map.entry(20, new PipelineCommand("tare", Map.of("seconds", "1.5"))),
                Map.entry(500, new PipelineCommand("profile", Map.of("id", "deep_tissue"))),
                Map.entry(700, PipelineCommand.of("trace_start")),
                Map.entry(900, new PipelineCommand("trace_finish", Map.of("degree", "1"))),
                Map.entry(1100, new PipelineCommand("spine_half_width", Map.of("mm", "22"))),
                Map.entry(1300, PipelineCommand.of("routine_start")),
                Map.entry(1500, new PipelineCommand("registration",
                        Map.of("json", PipelineControl.toJson(Registration.centred(330))))),
                Map.entry(1700, new PipelineCommand("limits", Map.of("json", PipelineControl.toJson(
                        new PersonalLimits("r", Map.of("shoulder_l", 40.0, "shoulder_r", 40.0)))))),
                Map.entry(2100, new PipelineCommand("tare", Map.of("seconds", "0.8"))),
                Map.entry(2140, PipelineCommand.of("tare_cancel")),
                Map.entry(2600, new PipelineCommand("profile", Map.of("id", "gentle"))),
                Map.entry(3000, PipelineCommand.of("routine_stop")));
        RecordingWriter w = new RecordingWriter(file, meta, 1L << 30, null);
        long host = w.startHostNanos();
        int n = 0;
        Packet p;
        while ((p = stream.next()) != null && n < 6000) {
            PipelineCommand c = commands.get(n);
            if (c != null) {
                w.offerCommand(n, c);
            }
            w.offerPacket(n, new TimedPacket(p, host + n * 1_000_000L));
            n++;
        }
        RecordingStatus st = w.stop(60_000);
        assertEquals(null, st.error());
    }

    /**
     * Canonical bytes of what a replay shows at a position: the snapshot, the core's drawing of the back, the
     * trails of the 2 s before it, the events so far, the metrics, the routine's progress and the technique picture
     * (latest movement feedback, balance: what the replay's routine panel shows).
     */
    private static String shown(ReplayFrame f, List<?> events, SessionMetrics m) {
        return new String(Json.bytes(f.snapshot()), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(f.drawing()), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(f.trails()), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(events), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(m), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(f.routine()), StandardCharsets.UTF_8) + "\n"
                + new String(Json.bytes(f.technique()), StandardCharsets.UTF_8);
    }

    private static final String[] PARTS = {"snapshot", "back drawing", "trails", "events", "metrics", "routine",
        "technique"};

    /** Equal part by part, naming the first that differs (the whole text is too long to read in a failure). */
    private static void assertSameParts(String expected, String actual, String what) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < PARTS.length; i++) {
            assertEquals(e[i], a[i], what + ": " + PARTS[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void seekThenPlayIsByteIdenticalToAStraightRun(String spec) throws Exception {
        Path f = file(spec);
        try (ReplayEngine engine = ReplayEngine.open(f, CORE)) {
            engine.scan(null);
            long first = engine.startUs();
            long span = engine.endUs() - first;
            assertTrue(engine.checkpointCount() >= 3, spec + ": " + engine.checkpointCount() + " checkpoints");
            Random rnd = new Random(spec.hashCode());
            List<Long> targets = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                targets.add(first + (long) (rnd.nextDouble() * span));
            }
            // the edges: a checkpoint's own frame, just before and after one, the last frame
            targets.add(first + ReplayEngine.CHECKPOINT_EVERY_US);
            targets.add(first + 2 * ReplayEngine.CHECKPOINT_EVERY_US - 1);
            targets.add(first + 2 * ReplayEngine.CHECKPOINT_EVERY_US + 10_001);
            targets.add(engine.endUs());

            // straight: one core from the start, fed in time order, read at each target
            List<Long> sorted = new ArrayList<>(targets);
            Collections.sort(sorted);
            Map<Long, String> expected = new java.util.HashMap<>();
            int trailsSeen = 0;
            try (ReplayEngine straight = ReplayEngine.open(f, CORE)) {
                for (long t : sorted) {
                    ReplayFrame s = straight.frameAt(t);
                    expected.put(t, shown(s, straight.eventsSoFar(), straight.metricsSoFar()));
                    trailsSeen += s.trails().isEmpty() ? 0 : 1;
                }
            }

            Collections.shuffle(targets, rnd);
            for (long t : targets) {
                if (rnd.nextInt(4) == 0) {
                    engine.preview(first + (long) (rnd.nextDouble() * span)); // leaves the core off the exact path
                }
                ReplayFrame s = engine.frameAt(t);
                assertSameParts(expected.get(t), shown(s, engine.eventsSoFar(), engine.metricsSoFar()),
                        spec + ": seek to " + (t - first) / 1e6 + " s");
                // and play on a little from there: still identical to the straight run
                long later = t + 1 + rnd.nextInt(300_000);
                ReplayFrame p = engine.frameAt(later);
                try (ReplayEngine straight = ReplayEngine.open(f, CORE)) {
                    ReplayFrame q = straight.frameAt(later);
                    assertSameParts(shown(q, straight.eventsSoFar(), straight.metricsSoFar()),
                            shown(p, engine.eventsSoFar(), engine.metricsSoFar()),
                            spec + ": play on to " + (later - first) / 1e6 + " s");
                }
            }
            if (!spec.endsWith("glove")) { // a glove has no mat to draw trails on
                assertTrue(trailsSeen >= 10, spec + ": trails at only " + trailsSeen + " of " + sorted.size()
                        + " positions");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void aRestoredCoreEqualsTheStraightCoreFieldByField(String spec) throws Exception {
        Path f = file(spec);
        try (RecordingReader reader = RecordingReader.open(f)) {
            CoreRunner straight = new CoreRunner(CORE, reader.commands(), null);
            RecordingReader.Cursor c = reader.cursor();
            Random rnd = new Random(spec.hashCode() * 31L);
            int compared = 0;
            int nextCheck = 50 + rnd.nextInt(400);
            RecordedPacket p;
            long packets = 0;
            CoreRunner restored = null;
            int restoredFrames = 0;
            while ((p = c.next()) != null) {
                straight.feed(p.ordinal(), p.timed());
                packets++;
                if (restored != null) {
                    restored.feed(p.ordinal(), p.timed());
                    if (restored.frameDone() && ++restoredFrames >= 1 + rnd.nextInt(40)) {
                        DeepCompare.assertSame(straight, restored, spec + " after " + packets + " packets");
                        compared++;
                        restored = null;
                    }
                } else if (packets >= nextCheck && straight.frameDone()) {
                    restored = new CoreRunner(CORE, reader.commands(), null);
                    restored.restore(straight.checkpoint());
                    restoredFrames = 0;
                    nextCheck = (int) packets + 50 + rnd.nextInt(600);
                }
            }
            assertTrue(compared >= 5, spec + ": only " + compared + " comparisons");
        }
    }
}
