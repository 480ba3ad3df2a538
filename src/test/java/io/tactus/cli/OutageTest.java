package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unplug / replug outage shows in a recording's duration and paused time (issue 8, 2.12): the device clock
 * went on as if nothing happened (a device that keeps its clock, or one re-synchronised), the host clock did not.
 */
class OutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aHostTimeGapIsReportedByInfoAndAnalyze() throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.SPINE_CONTACT, SimOptions.defaults().withRate(20));
        Path file = dir.resolve("outage.tactus");
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now().withDevice(s.descriptor()), 1L << 28, null);
        Packet p;
        long n = 0;
        long firstUs = -1;
        while ((p = s.next()) != null && n < 400) {
            firstUs = firstUs < 0 ? p.deviceTimeUs() : firstUs;
            // 3.5 s unplugged after packet 200: the host receives nothing, the device clock shows no gap
            long hostNs = (p.deviceTimeUs() - firstUs) * 1000 + (n >= 200 ? 3_500_000_000L : 0);
            w.offerPacket(n++, new TimedPacket(p, hostNs));
        }
        assertEquals(null, w.stop(20_000).error());

        JsonNode info = JSON.readTree(RecordCommandTest.tactus("info", file.toString(), "--json").out());
        double device = info.get("device_time_s").asDouble();
        assertEquals(device + 3.5, info.get("duration_s").asDouble(), 0.06, info.toString());
        assertEquals(1, info.get("pauses_over_half_s").asLong(), info.toString());
        assertEquals(3.55, info.get("paused_s").asDouble(), 0.06, "the outage plus the frame period: " + info);

        JsonNode a = JSON.readTree(RecordCommandTest.tactus("analyze", file.toString(), "--json").out());
        JsonNode m = a.get("metrics");
        assertEquals(1, m.get("host_gaps").asLong(), m.toString());
        assertEquals(device + 3.5, m.get("host_duration_s").asDouble(), 0.06, m.toString());
        assertTrue(RecordCommandTest.tactus("analyze", file.toString()).out().contains("outages: 1"));
    }
}
