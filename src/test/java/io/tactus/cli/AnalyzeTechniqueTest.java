package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.TruthMovement;
import io.tactus.protocol.Packet;
import io.tactus.session.ReHelloTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `analyze` reports the per-contact movements ("technique") and, with --routine, the routine's steps. */
class AnalyzeTechniqueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path twoHandCapture(List<TruthMovement> truth, long[] firstFrameUs) throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.TWO_HAND_ROUTINE, SimOptions.defaults());
        truth.addAll(s.movementTruth());
        List<Packet> packets = new ArrayList<>();
        for (Packet p = s.next(); p != null; p = s.next()) {
            packets.add(p);
            if (firstFrameUs[0] < 0 && p.type().isFrame()) {
                firstFrameUs[0] = p.deviceTimeUs();
            }
        }
        return ReHelloTest.capture(dir, packets);
    }

    private static long count(JsonNode movements, String type, String direction) {
        long k = 0;
        for (JsonNode m : movements) {
            if (m.get("type").asText().equals(type)
                    && (direction == null ? m.get("direction").isNull() : direction.equals(m.get("direction").asText()))) {
                k++;
            }
        }
        return k;
    }

    @Test
    void theTwoHandRoutineIsReportedMovementByMovement() throws Exception {
        List<TruthMovement> truth = new ArrayList<>();
        long[] first = {-1};
        Path cap = twoHandCapture(truth, first);
        RecordCommandTest.Run r = RecordCommandTest.tactus("analyze", cap.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode t = JSON.readTree(r.out()).get("technique");
        JsonNode mv = t.get("movements");
        assertEquals(11, count(mv, "stroke", "up"), mv.toString());
        assertEquals(4, count(mv, "stroke", "outward"), mv.toString());
        assertEquals(4, count(mv, "circle", "clockwise"), mv.toString());
        assertEquals(2, count(mv, "circle", "counterclockwise"), mv.toString());
        assertEquals(1, count(mv, "hold", null), mv.toString());
        assertEquals(22, mv.size(), "nothing else: " + mv);
        assertTrue(t.get("contacts").asInt() >= 15, "each hand landing is a contact: " + t.get("contacts"));
        assertTrue(t.get("routine").isNull(), "no routine was run");
        // times from the first frame, like the events: the hold is where the script put it
        TruthMovement hold = truth.stream().filter(m -> "hold".equals(m.type())).findFirst().orElseThrow();
        for (JsonNode m : mv) {
            assertTrue(Set.of("left", "right", "centre").contains(m.get("side").asText()), m.toString());
            assertTrue(m.get("end_s").asDouble() >= m.get("start_s").asDouble(), m.toString());
            if ("hold".equals(m.get("type").asText())) {
                assertEquals((hold.startUs() - first[0]) / 1e6, m.get("start_s").asDouble(), 0.1, m.toString());
                assertEquals("left", m.get("side").asText());
                assertEquals("lumbar_l", m.get("region").asText());
                assertTrue(m.get("mean_kpa").asDouble() >= 30, m.toString());
            }
        }
        RecordCommandTest.Run text = RecordCommandTest.tactus("analyze", cap.toString());
        assertTrue(text.out().contains("technique: 15 strokes (11 up, 4 outward), 6 circles (4 clockwise,"
                + " 2 counterclockwise), 1 hold;"), text.out());
    }

    /**
     * A device swap mid-session (another sensor's HELLO 9.9 s in, between two acts of the routine) starts a new
     * segment with its own pipeline: the technique covers both, times from the first frame, contact ids unique.
     */
    @Test
    void everySegmentOfARecordingIsAnalysed() throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.TWO_HAND_ROUTINE, SimOptions.defaults());
        List<TruthMovement> truth = s.movementTruth();
        long swapUs = SimOptions.DEFAULT_CLOCK_START_US + 9_900_000L;
        List<Packet> packets = new ArrayList<>();
        long first = -1;
        int seq = 0;
        boolean swapped = false;
        for (Packet p = s.next(); p != null; p = s.next()) {
            if (!swapped && p.deviceTimeUs() >= swapUs) {
                packets.add(new Packet(io.tactus.protocol.PacketType.HELLO, seq++ & 0xFFFF, p.deviceTimeUs(),
                        ReHelloTest.otherSensor(s.descriptor()).toJson()));
                swapped = true;
            }
            packets.add(new Packet(p.type(), seq++ & 0xFFFF, p.deviceTimeUs(), p.payload()));
            if (first < 0 && p.type().isFrame()) {
                first = p.deviceTimeUs();
            }
        }
        long before = truth.stream().filter(m -> m.endUs() < swapUs).count();
        assertTrue(before == 4 && truth.stream().noneMatch(m -> m.startUs() < swapUs && m.endUs() > swapUs),
                "the swap falls between two acts, after the first two effleurage pairs: " + before);
        Path cap = ReHelloTest.capture(dir, packets);
        JsonNode out = JSON.readTree(RecordCommandTest.tactus("analyze", cap.toString(), "--json").out());
        assertEquals(2, out.get("segments").size(), out.get("segments").toString());
        JsonNode mv = out.get("technique").get("movements");
        assertEquals(11, count(mv, "stroke", "up"), mv.toString());
        assertEquals(4, count(mv, "stroke", "outward"), mv.toString());
        assertEquals(4, count(mv, "circle", "clockwise"), mv.toString());
        assertEquals(2, count(mv, "circle", "counterclockwise"), mv.toString());
        assertEquals(1, count(mv, "hold", null), mv.toString());
        assertEquals(22, mv.size(), "nothing else: " + mv);
        double swapS = (swapUs - first) / 1e6;
        int lastIdBefore = 0;
        int firstIdAfter = Integer.MAX_VALUE;
        int inFirst = 0;
        for (JsonNode m : mv) {
            if (m.get("end_s").asDouble() < swapS) {
                inFirst++;
                lastIdBefore = Math.max(lastIdBefore, m.get("contact").asInt());
            } else {
                firstIdAfter = Math.min(firstIdAfter, m.get("contact").asInt());
            }
        }
        assertEquals(4, inFirst, "the first segment's strokes, times from the first frame: " + mv);
        assertTrue(firstIdAfter > lastIdBefore, "contact ids go on across segments: " + mv);
        TruthMovement hold = truth.stream().filter(m -> "hold".equals(m.type())).findFirst().orElseThrow();
        for (JsonNode m : mv) {
            if ("hold".equals(m.get("type").asText())) {
                assertEquals((hold.startUs() - first) / 1e6, m.get("start_s").asDouble(), 0.1, m.toString());
            }
        }
        assertTrue(out.get("technique").get("contacts").asInt() >= 15, out.get("technique").toString());
        RecordCommandTest.Run text = RecordCommandTest.tactus("analyze", cap.toString());
        assertTrue(text.out().contains("technique: 15 strokes (11 up, 4 outward), 6 circles (4 clockwise,"
                + " 2 counterclockwise), 1 hold;"), text.out());
    }

    /**
     * The glove sample (one right glove: 3 effleurage and 3 thumb slides up the right side, one slide up the spine,
     * 3 clockwise palm circles on the lower back, shoulder kneading, a hard thumb press on the shoulder, knuckles
     * down, finishing): movements come from its pose trail, pressure from its taxels.
     */
    @Test
    void aGloveIsTrackedFromItsPoseTrail() throws Exception {
        Path glove = Path.of("sample-recordings", "glove.tactus");
        RecordCommandTest.Run r = RecordCommandTest.tactus("analyze", glove.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode t = JSON.readTree(r.out()).get("technique");
        JsonNode mv = t.get("movements");
        assertEquals(7, count(mv, "stroke", "up"), mv.toString());
        assertEquals(1, count(mv, "stroke", "down"), mv.toString());
        assertEquals(3, count(mv, "circle", "clockwise"), mv.toString());
        assertEquals(1, count(mv, "hold", null), "the hard press on the shoulder; the kneading is not a hold: " + mv);
        assertEquals(12, mv.size(), "nothing else (kneading in place is neither circles nor holds): " + mv);
        int spine = 0;
        for (JsonNode m : mv) {
            if ("hold".equals(m.get("type").asText())) {
                assertEquals("shoulder_r", m.get("region").asText(), m.toString());
                assertTrue(m.get("peak_kpa").asDouble() > 150, "the taxels' pressure: " + m);
            }
            spine += "spine".equals(m.get("region").asText()) ? 1 : 0;
            assertNotEquals("left", m.get("side").asText(), "a right glove on the right side: " + m);
        }
        assertEquals(1, spine, "the thumb slide up the spine is where the pose was: " + mv);
        assertTrue(t.get("contacts").asInt() >= 12, t.toString());
        // the routine coach counts the glove's movements: its three effleurage strokes complete the first step
        RecordCommandTest.Run coached = RecordCommandTest.tactus("analyze", glove.toString(), "--json", "--routine",
                "default");
        JsonNode first = JSON.readTree(coached.out()).get("technique").get("routine").get("steps").get(0);
        assertEquals("effleurage", first.get("id").asText(), first.toString());
        assertEquals("done", first.get("status").asText(), first.toString());
        assertEquals(3, first.get("count").asInt(), first.toString());
    }

    @Test
    void aRoutineFollowedFromTheFirstFrameShowsItsSteps() throws Exception {
        Path cap = twoHandCapture(new ArrayList<>(), new long[] {-1});
        RecordCommandTest.Run r = RecordCommandTest.tactus("analyze", cap.toString(), "--json", "--routine", "default");
        assertEquals(0, r.code(), r.err());
        JsonNode routine = JSON.readTree(r.out()).get("technique").get("routine");
        assertEquals("back-basics", routine.get("id").asText());
        assertEquals(7, routine.get("steps").size());
        JsonNode eff = routine.get("steps").get(0);
        assertEquals("effleurage", eff.get("id").asText());
        // two passes of two-handed effleurage (2 of 3), then circles, thumb slides (with the thumbs: they do not
        // count as effleurage) and a trigger-point hold, which completes out of order and skips the steps before it;
        // the last effleurage stroke with the palm completes effleurage out of order
        assertEquals("out_of_order", eff.get("status").asText(), routine.toString());
        assertEquals(3, eff.get("count").asInt(), routine.toString());
        assertEquals("skipped", routine.get("steps").get(2).get("status").asText(), "thumb slides: " + routine);
        for (JsonNode st : routine.get("steps")) {
            assertTrue(Set.of("done", "skipped", "out_of_order", "not_reached").contains(st.get("status").asText()),
                    st.toString());
        }
        assertNotEquals("done", routine.get("steps").get(6).get("status").asText(), "no finishing in this script");
        String text = RecordCommandTest.tactus("analyze", cap.toString(), "--routine", "default").out();
        // the steps by the titles the app's routine panel shows, not their ids (those are in --json)
        assertTrue(text.contains("routine Back massage basics (guided): Effleurage out of order, Palm circles "), text);
        assertTrue(text.contains(", Thumb slides skipped, "), text);

        // a user's own routine file; a broken one is one clear line
        Path mine = dir.resolve("mine.json");
        Files.writeString(mine, "{\"id\": \"circles-only\", \"name\": \"Circles\", \"steps\": [{\"id\": \"cw\","
                + " \"title\": \"Clockwise circles\", \"kind\": \"circles\", \"direction\": \"clockwise\", \"count\": 4}]}");
        assertTrue(RecordCommandTest.tactus("analyze", cap.toString(), "--routine", mine.toString()).out()
                .contains("routine Circles: Clockwise circles done"), "a loaded routine's own step titles");
        JsonNode own = JSON.readTree(RecordCommandTest.tactus("analyze", cap.toString(), "--json", "--routine",
                mine.toString()).out()).get("technique").get("routine");
        assertEquals("circles-only", own.get("id").asText());
        assertEquals("done", own.get("steps").get(0).get("status").asText(), own.toString());
        assertEquals(4, own.get("steps").get(0).get("count").asInt());
        Files.writeString(mine, "{\"steps\": [{\"id\": \"x\", \"kind\": \"spirals\"}]}");
        RecordCommandTest.Run bad = RecordCommandTest.tactus("analyze", cap.toString(), "--routine", mine.toString());
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--routine") && bad.err().contains("spirals"), bad.err());
        // a mistyped path says what is wrong with it
        RecordCommandTest.Run missing = RecordCommandTest.tactus("analyze", cap.toString(), "--routine",
                dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--routine: no such file: " + dir.resolve("nope.json")), missing.err());
    }
}
