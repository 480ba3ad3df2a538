package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.TruthEvent;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Scores the signal core against the simulator's ground truth: every scenario through FrameAssembler and
 * SignalPipeline (default settings: Gentle profile, default body map, factory calibration, a 2 s tare over the
 * scenarios' 3 s of no touch). A detected event matches a true one of the same type and region when their time
 * spans overlap. Prints the table and writes it to target/signal-quality.md (copied into docs/SIGNAL.md).
 *
 * <p>Run: {@code mvn -q -B -o test -Dtest=SignalQualityTest}
 */
class SignalQualityTest {

    private static final double TARE_S = 2.0;

    record Run(String scenario, List<TruthEvent> truth, List<FlagEvent> detected, double minutes) {
    }

    record Run2(Run run, SessionMetrics metrics, RoutineProgress routine, List<Movement> movements, int contacts) {
    }

    static Run run(String scenario, SimOptions options, boolean tare) {
        return runWithMetrics(scenario, options, tare).run();
    }

    static Run2 runWithMetrics(String scenario, SimOptions options, boolean tare) {
        return runWithMetrics(scenario, options, tare, null);
    }

    static Run2 runWithMetrics(String scenario, SimOptions options, boolean tare, Routine routine) {
        return runStream(ScenarioStream.open(scenario, options), tare, routine);
    }

    static Run2 runStream(ScenarioStream s, boolean tare, Routine routine) {
        return runStream(s, tare, routine, p -> { });
    }

    /** As above, with {@code afterFrame} told after each frame the pipeline processed. */
    static Run2 runStream(ScenarioStream s, boolean tare, Routine routine, Consumer<SignalPipeline> afterFrame) {
        String scenario = s.scenarioName();
        SignalPipeline[] holder = new SignalPipeline[1];
        long[] last = {0};
        FrameAssembler asm = new FrameAssembler(new FrameListener() {
            @Override
            public void onDescriptor(DeviceDescriptor d) {
                if (holder[0] == null) {
                    holder[0] = new SignalPipeline(d);
                    if (tare) {
                        holder[0].startTare(TARE_S);
                    }
                    if (routine != null) {
                        holder[0].startRoutine(routine);
                    }
                }
            }

            @Override
            public void onFrame(RawFrame frame) {
                holder[0].process(frame);
                afterFrame.accept(holder[0]);
                last[0] = frame.deviceTimeUs();
            }

            @Override
            public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
                holder[0].onMarker(deviceTimeUs, marker);
            }

            @Override
            public void onPose(long deviceTimeUs, Payloads.Pose pose) {
                holder[0].onPose(deviceTimeUs, pose);
            }
        });
        for (Packet p = s.next(); p != null; p = s.next()) {
            asm.accept(new TimedPacket(p, 0));
        }
        holder[0].finish(last[0]);
        return new Run2(new Run(scenario, s.truth(), holder[0].events(), s.durationUs() / 60e6), holder[0].metrics(),
                holder[0].routineProgress(), holder[0].movements(), holder[0].contactsSeen());
    }

    /** Per flag type: matched, detected, true, onset latencies. */
    static final class Score {
        int detected;
        int truth;
        int matchedDetected;
        int matchedTruth;
        final List<Long> latencies = new ArrayList<>();

        double precision() {
            return detected == 0 ? 1 : (double) matchedDetected / detected;
        }

        double recall() {
            return truth == 0 ? 1 : (double) matchedTruth / truth;
        }
    }

    static boolean matches(FlagEvent d, TruthEvent t) {
        if (!d.type().id().equals(t.type()) || d.region() == null || !d.region().id().equals(t.region())) {
            return false;
        }
        long dEnd = d.isOpen() ? Long.MAX_VALUE : d.endUs();
        // truth ends exclusive at the first frame without the condition; a marker is a single instant
        long tEnd = t.endUs() == t.startUs() ? t.endUs() : t.endUs() - 1;
        return d.startUs() <= tEnd && t.startUs() <= dEnd;
    }

    static Score[] score(List<Run> runs) {
        Score[] s = new Score[FlagType.values().length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Score();
        }
        for (Run r : runs) {
            for (FlagEvent d : r.detected()) {
                Score sc = s[d.type().ordinal()];
                sc.detected++;
                if (r.truth().stream().anyMatch(t -> matches(d, t))) {
                    sc.matchedDetected++;
                }
            }
            for (TruthEvent t : r.truth()) {
                Score sc = s[FlagType.fromId(t.type()).ordinal()];
                sc.truth++;
                FlagEvent first = r.detected().stream().filter(d -> matches(d, t)).findFirst().orElse(null);
                if (first != null) {
                    sc.matchedTruth++;
                    sc.latencies.add(first.startUs() - t.startUs());
                }
            }
        }
        return s;
    }

    static String table(String title, List<Run> runs) {
        Score[] s = score(runs);
        StringBuilder b = new StringBuilder();
        b.append("#### ").append(title).append("\n\n");
        b.append("| flag | true | detected | precision | recall | onset latency mean / max (ms) |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (FlagType t : FlagType.values()) {
            Score sc = s[t.ordinal()];
            String lat = sc.latencies.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f / %.1f",
                    sc.latencies.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0,
                    sc.latencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0);
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %s |\n", t.id(), sc.truth, sc.detected,
                    sc.precision(), sc.recall(), lat));
        }
        Run clean = runs.stream().filter(r -> r.scenario().equals(Scenarios.GENTLE_ROUTINE)).findFirst().orElse(null);
        if (clean != null) {
            long spine = clean.detected().stream().filter(e -> e.type() == FlagType.SPINE_CONTACT).count();
            b.append(String.format(Locale.ROOT, "\nClean routine (%s, %.1f min, hands >= 3 cm lateral): %.2f false "
                    + "alarms/min, %d spine_contact.\n\n", clean.scenario(), clean.minutes(),
                    clean.detected().size() / clean.minutes(), spine));
        }
        return b.toString();
    }

    private static List<Run> all(SimOptions o, boolean tare, boolean withGlove) {
        List<Run> runs = new ArrayList<>();
        for (String name : Scenarios.names()) {
            if (!withGlove && name.equals(Scenarios.GLOVE)) {
                continue;
            }
            runs.add(run(name, o, tare));
        }
        return runs;
    }

    private static void assertTargets(List<Run> runs, String what) {
        Score[] s = score(runs);
        for (FlagType t : FlagType.values()) {
            Score sc = s[t.ordinal()];
            assertEquals(1.0, sc.precision(), 1e-9, what + " " + t.id() + " precision");
            assertEquals(1.0, sc.recall(), 1e-9, what + " " + t.id() + " recall");
            for (long l : sc.latencies) {
                assertTrue(Math.abs(l) <= 50_000, what + " " + t.id() + " onset latency " + l + " us");
            }
        }
        Run clean = runs.stream().filter(r -> r.scenario().equals(Scenarios.GENTLE_ROUTINE)).findFirst().orElseThrow();
        assertTrue(clean.detected().isEmpty(), what + " clean routine raised " + clean.detected());
    }

    @Test
    void scoresEveryScenarioAgainstGroundTruth() throws IOException {
        SimOptions dense = SimOptions.defaults();
        List<Run> main = all(dense, true, true);
        List<Run> sparse = all(dense.withSparse(true), true, false);
        List<Run> big = all(dense.withGrid(64, 64), true, false);
        List<Run> untared = all(dense, false, false);
        StringBuilder md = new StringBuilder();
        md.append(table("32 x 32 dense, 100 Hz, 2 s tare (all scenarios incl. glove)", main));
        md.append(table("32 x 32 sparse (zero-suppressed) frames, 2 s tare", sparse));
        md.append(table("64 x 64 dense, 2 s tare", big));
        md.append(table("32 x 32 dense, no tare (factory offset only)", untared));
        System.out.println(md);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "signal-quality.md"), md.toString());
        assertTargets(main, "32x32 dense");
        assertTargets(sparse, "32x32 sparse");
        assertTargets(big, "64x64");
        assertTargets(untared, "untared");
    }

    @Test
    void replayingTheSameScenarioGivesByteIdenticalEventsAndMetrics() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String[] out = new String[2];
        for (int k = 0; k < 2; k++) {
            ScenarioStream s = ScenarioStream.open(Scenarios.MISTAKES, SimOptions.defaults());
            List<SignalPipeline> p = new ArrayList<>();
            FrameAssembler asm = new FrameAssembler(new FrameListener() {
                @Override
                public void onDescriptor(DeviceDescriptor d) {
                    p.add(new SignalPipeline(d));
                    p.get(0).startTare(TARE_S);
                }

                @Override
                public void onFrame(RawFrame frame) {
                    p.get(0).process(frame);
                }

                @Override
                public void onMarker(long t, long host, Payloads.Marker m) {
                    p.get(0).onMarker(t, m);
                }
            });
            for (Packet pk = s.next(); pk != null; pk = s.next()) {
                asm.accept(new TimedPacket(pk, 0));
            }
            p.get(0).finish(s.durationUs());
            out[k] = json.writeValueAsString(p.get(0).events()) + json.writeValueAsString(p.get(0).metrics());
        }
        assertEquals(out[0], out[1]);
        assertTrue(out[0].contains("\"excess_pressure\""), out[0].substring(0, 200));
    }

    @Test
    void guidanceMetricsOfTheCleanRoutine() {
        SessionMetrics m = runWithMetrics(Scenarios.GENTLE_ROUTINE, SimOptions.defaults(), true).metrics();
        SessionMetrics.Movement mv = m.movement();
        // counted per tracked contact, both hands: 4 effleurage + 5 thumb slides up on each side; knuckles down
        // both sides twice; clockwise palm circles, 3 turns per side (the kneading's 6 mm circles are kneading in
        // place, not circles); one 5 s trigger-point hold
        assertEquals(18, mv.strokesUp(), mv.toString());
        assertEquals(4, mv.strokesDown(), mv.toString());
        assertEquals(0, mv.strokesOutward() + mv.strokesInward(), mv.toString());
        assertEquals(6, mv.circlesClockwise(), mv.toString());
        assertEquals(0, mv.circlesCounterClockwise(), mv.toString());
        assertEquals(1, mv.holds(), mv.toString());
        assertEquals(1, mv.holdsReachingTarget(), mv.toString());
        assertEquals(0.5, m.leftForceShare(), 0.1);
        assertEquals("lumbar", m.firstContactRegion().substring(0, 6), "the routine starts at the lower back");
        assertEquals(0, m.region(BodyRegion.SPINE).timeTouchedS());
        assertTrue(m.region(BodyRegion.THORACIC_L).timeAboveS() > 0.5, "the 90 kPa trigger point is above Gentle's band");
        for (SessionMetrics.FlagMetrics f : m.flags()) {
            assertEquals(0, f.count(), f.toString());
        }
    }

    @Test
    void theCleanRoutineCompletesTheGuidedSteps() {
        Routine r = Routine.defaultRoutine();
        RoutineProgress p = runWithMetrics(Scenarios.GENTLE_ROUTINE, SimOptions.defaults(), true, r).routine();
        assertTrue(p.done(), "stopped at step " + p.step() + " " + (p.current() == null ? "" : p.current().id())
                + " progress " + p.progress());
        assertEquals(r.steps().size(), p.completedAtUs().size());
        for (int i = 1; i < p.completedAtUs().size(); i++) {
            assertTrue(p.completedAtUs().get(i) > p.completedAtUs().get(i - 1), "steps complete in order");
        }
        // a routine with the spine-contact mistakes still progresses, but the palm circles never go
        // counter-clockwise: a counter-clockwise step would stay at 0
        Routine ccw = new Routine("ccw", "", List.of(new Routine.Step("ccw", "circles", "counterclockwise", 1, 0,
                null, "circles the other way", "test")));
        RoutineProgress q = runWithMetrics(Scenarios.SPINE_CONTACT, SimOptions.defaults(), true, ccw).routine();
        assertEquals(0, q.step());
        assertEquals(0.0, q.progress());
        assertFalse(q.done());
        assertEquals(RoutineProgress.Status.NOT_REACHED, q.steps().get(0).status(), q.toString());
        for (RoutineProgress.StepState st : p.steps()) {
            assertEquals(RoutineProgress.Status.DONE, st.status(), p.toString());
        }
    }

    /**
     * Stress beyond the scripted routine: thumbs and heels of the hands running the whole length of the back with
     * their edges exactly 30 mm from the midline, at the clean maximum (95 kPa) and well above it (150 kPa), on
     * dense, sparse and 64 x 64 mats. Not one spine_contact may appear.
     */
    @Test
    void noSpineAlarmAtThreeCentimetresClearance() {
        io.tactus.device.sim.Script.Builder b = new io.tactus.device.sim.Script.Builder();
        b.advance(3.0);
        for (double kpa : new double[] {95, 150}) {
            for (io.tactus.device.sim.Tool tool : new io.tactus.device.sim.Tool[] {
                io.tactus.device.sim.Tool.THUMB, io.tactus.device.sim.Tool.PALM_HEEL}) {
                double rx = tool.patches().get(0).rx();
                double x = 30 + rx;
                double t = b.now();
                b.add(io.tactus.device.sim.Stroke.of("left", tool, t, t + 4, io.tactus.device.sim.Path.line(-x, 440,
                        -x, 20), kpa, 0.2, "left edge 30 mm from the midline"));
                b.add(io.tactus.device.sim.Stroke.of("right", tool, t, t + 4, io.tactus.device.sim.Path.line(x, 20,
                        x, 440), kpa, 0.2, "right edge 30 mm from the midline"));
                b.advance(4.5);
            }
        }
        b.advance(1.0);
        io.tactus.device.sim.Scenario sc = new io.tactus.device.sim.Scenario("clearance-30mm",
                "edges 30 mm from the midline", false, b.build());
        for (SimOptions o : List.of(SimOptions.defaults(), SimOptions.defaults().withSparse(true),
                SimOptions.defaults().withGrid(64, 64))) {
            Run r = runStream(ScenarioStream.open(sc, o), true, null).run();
            assertTrue(r.truth().stream().noneMatch(t -> t.type().equals("spine_contact")), "truth: " + r.truth());
            assertTrue(r.detected().stream().noneMatch(e -> e.type() == FlagType.SPINE_CONTACT),
                    o.rows() + "x" + o.cols() + (o.sparse() ? " sparse" : "") + ": " + r.detected());
        }
    }

    /**
     * "Trace the spine" on the simulator: the map starts 30 mm off (a badly placed mat, set by hand), a finger
     * runs from the sacrum up the spine (untared, with the simulator's noisy cells firing), and the fitted midline lands on the simulator's true midline (mat x =
     * 200 mm); afterwards a thumb on the spine is flagged and one 30 mm beside it is not.
     */
    @Test
    void traceTheSpineOnTheSimulatorFindsTheMidline() {
        io.tactus.device.sim.Script.Builder b = new io.tactus.device.sim.Script.Builder();
        b.advance(2.5);
        b.add(io.tactus.device.sim.Stroke.of("right", io.tactus.device.sim.Tool.FINGERTIPS, b.now(), b.now() + 4,
                io.tactus.device.sim.Path.line(0, 520, 0, 40), 15, 0.2, "finger traces the spine"));
        b.advance(4.5);
        io.tactus.device.sim.Scenario trace = new io.tactus.device.sim.Scenario("trace", "trace the spine", false,
                b.build());
        ScenarioStream s = ScenarioStream.open(trace, SimOptions.defaults());
        SignalPipeline p = new SignalPipeline(s.descriptor(),
                SignalSettings.defaults().withRegistration(Registration.manual(230, 0, 0)));
        FrameAssembler asm = new FrameAssembler(new FrameListener() {
            @Override
            public void onFrame(RawFrame frame) {
                p.process(frame);
            }
        }, s.descriptor());
        // no tare: the simulated mat's two noisy cells fire stray readings; the trace must ignore them
        p.startSpineTrace();
        for (Packet pk = s.next(); pk != null; pk = s.next()) {
            asm.accept(new TimedPacket(pk, 0));
        }
        Registration r = p.finishSpineTrace(1);
        assertEquals(200, r.midlineX(100), 3, "midline at the shoulders: " + java.util.Arrays.toString(r.midline()));
        assertEquals(200, r.midlineX(450), 3, "midline at the pelvis");
        assertTrue(r.fitRmsMm() < 5, "fit rms " + r.fitRmsMm());
        BodyRegion[] cells = p.cellRegions();
        assertEquals(BodyRegion.SPINE, cells[10 * 32 + 15]);
        assertEquals(BodyRegion.SPINE, cells[10 * 32 + 16]);
        assertEquals(BodyRegion.THORACIC_R, cells[10 * 32 + 18]);
    }
}
