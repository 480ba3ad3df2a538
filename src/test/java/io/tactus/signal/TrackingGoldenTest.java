package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.TechniqueSnapshot;
import io.tactus.signal.technique.TrackedContact;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden digests of per-contact tracking (signal.technique), as {@link PipelineGoldenTest} is for the rest of the
 * core (which runs with tracking off): every frame's tracked contacts (id, centre, body position, peak, force,
 * cells, region, side, start) bit for bit, the balance, hold timer and counters, each movement's feedback as it
 * changes, and at the end every movement and the routine's progress, over simulator scenarios with two hands
 * (32 x 32 dense and sparse, 64 x 64) and the default routine running. The digests were produced by the tracking
 * code before its speed work (main at 4415e27, with the hold detection of that commit), then re-made once for an
 * intended change: movements carry their contact's area and hand part, and the routine's steps ask for one
 * (docs/DECISIONS.md, "Hand part"), and once more when the live balance stopped counting a noise speck
 * ({@code TechniqueTracker.BALANCE_MIN_N}: only the per-frame left share changed, checked by running the old
 * threshold against the old digests), and for "two-hand-32" once more when a repetition counted with the other
 * hand stopped reading "mid back (right) (with the other hand)" (its feedback text only; docs/DECISIONS.md,
 * "Tracking's fourth pass"). A faster flood must give the same bits. A digest that changes is
 * a change of what tracking reports: update it only for an intended behaviour change, and say why in
 * docs/DECISIONS.md.
 */
class TrackingGoldenTest {

    private static final Map<String, String> GOLDEN = Map.of(
            "two-hand-32", "ed34543e6bd1edaedfc35eae9ec038d357734fcc85ac53d488ca1b69f836ab00",
            "generated-32-sparse", "1e259afa51ec1e4ca5537fd04aa0dcba818a713e52754254afa362f02fd894f3",
            "generated-64", "73d81b10aa80d10dcc95bd854f21b0800b123a810a6aad4adb683805c76b8ba6");

    @ParameterizedTest
    @ValueSource(strings = {"two-hand-32", "generated-32-sparse", "generated-64"})
    void trackingResultsAreBitIdenticalToTheGoldenRun(String scene) throws Exception {
        ScenarioStream s = switch (scene) {
            case "two-hand-32" -> ScenarioStream.open(Scenarios.TWO_HAND_ROUTINE, SimOptions.defaults());
            case "generated-32-sparse" -> ScenarioStream.open(Scenarios.generated(3),
                    SimOptions.defaults().withSparse(true).withSeed(12));
            default -> ScenarioStream.open(Scenarios.generated(5), SimOptions.defaults().withGrid(64, 64).withSeed(13));
        };
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(128);
        Object[] lastFeedback = {null};
        int[] contactFrames = {0};
        SignalQualityTest.Run2 r = SignalQualityTest.runStream(s, true, Routine.defaultRoutine(), p -> {
            TechniqueSnapshot t = p.technique();
            for (TrackedContact c : t.contacts()) {
                md.update(buf.clear().putInt(c.id()).putDouble(c.xMm()).putDouble(c.yMm()).putDouble(c.bodyXmm())
                        .putDouble(c.bodyYmm()).putDouble(c.peakKpa()).putDouble(c.forceN()).putInt(c.cells())
                        .putInt(c.region() == null ? -1 : c.region().ordinal()).putInt(c.side().ordinal())
                        .putLong(c.sinceUs()).flip());
                contactFrames[0]++;
            }
            md.update(buf.clear().putDouble(t.leftShare()).putDouble(t.holdS()).putInt(t.contactsSeen())
                    .putInt(t.movements()).flip());
            if (t.last() != null && t.last() != lastFeedback[0]) {
                lastFeedback[0] = t.last();
                md.update(t.last().toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        for (Movement m : r.movements()) {
            md.update(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        md.update(String.valueOf(r.routine()).getBytes(StandardCharsets.UTF_8));
        md.update(buf.clear().putInt(r.contacts()).flip());
        // the scene exercises what it is meant to (else a digest would pin little)
        assertTrue(r.movements().size() >= 5, scene + ": movements " + r.movements().size());
        assertTrue(contactFrames[0] > 1000, scene + ": frames with contacts " + contactFrames[0]);
        assertEquals(GOLDEN.get(scene), HexFormat.of().formatHex(md.digest()), scene + ": tracking's results changed");
    }
}
