package io.tactus.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GloveScenarioTest {

    @Test
    void gloveStreamsTaxelsAndOnePosePerFrame() {
        ScenarioStream s = ScenarioStream.open("glove", SimOptions.defaults());
        DeviceDescriptor d = s.descriptor();
        assertTrue(d.isGlove());
        assertEquals(1, d.rows());
        assertEquals(20, d.cols());
        assertEquals(20, d.taxels().size());
        Set<String> zones = d.taxels().stream().map(DeviceDescriptor.Taxel::zone).collect(Collectors.toSet());
        assertTrue(zones.containsAll(List.of("thumb_tip", "palm_heel", "knuckles", "fingertip")), zones.toString());
        StreamCapture c = StreamCapture.of(s);
        assertEquals(s.frameCount(), c.frames.size());
        assertEquals(s.frameCount(), c.poses.size());
        for (int i = 0; i < c.frames.size(); i++) {
            assertEquals(c.frames.get(i).deviceTimeUs(), c.poseTimes.get(i), "a POSE at each frame's time");
        }
        List<Packet> ps = c.packets;
        for (int i = 1; i < ps.size(); i++) {
            if (ps.get(i).type().isFrame()) {
                assertEquals(PacketType.POSE, ps.get(i - 1).type(), "POSE precedes its frame");
            }
        }
        for (float[] p : c.poses) {
            assertTrue(p[0] >= 0 && p[0] <= BackGeometry.MAT_WIDTH_MM && p[1] >= 0 && p[1] <= BackGeometry.MAT_LENGTH_MM,
                    "pose inside the mat frame");
        }
    }

    @Test
    void gloveTruthIsTheSpineSlideAndTheShoulderPress() {
        ScenarioStream s = ScenarioStream.open("glove", SimOptions.defaults());
        List<TruthEvent> t = s.truth();
        assertEquals(List.of("spine_contact/spine", "excess_pressure/shoulder_r"),
                t.stream().map(e -> e.type() + "/" + e.region()).toList());
        StreamCapture c = StreamCapture.of(ScenarioStream.open("glove", SimOptions.defaults()));
        // During the spine event the pose is on the midline and the thumb-tip taxel is loaded.
        TruthEvent spine = t.get(0);
        int i = c.frames.indexOf(c.frameAt((spine.startUs() + spine.endUs()) / 2));
        assertEquals(BackGeometry.MAT_WIDTH_MM / 2, c.poses.get(i)[0], 1.0);
        assertTrue(SensorModel.kpaOf(c.frames.get(i).counts()[0]) > 30, "thumb_tip taxel loaded");
        TruthEvent shoulder = t.get(1);
        i = c.frames.indexOf(c.frameAt((shoulder.startUs() + shoulder.endUs()) / 2));
        assertTrue(SensorModel.kpaOf(c.frames.get(i).counts()[0]) > PressureLevels.EXCESS_SHOULDER_KPA);
        assertTrue(c.poses.get(i)[1] < BackGeometry.SHOULDER_BOTTOM_MM);
    }
}
