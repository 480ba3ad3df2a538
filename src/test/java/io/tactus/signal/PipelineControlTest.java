package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.CalibrationCurve;
import io.tactus.signal.calibration.TareState;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.PersonalLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineControlTest {

    @Test
    void commandsDriveThePipeline() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        PipelineControl.apply(p, "profile", Map.of("id", "deep_tissue"));
        assertEquals("deep_tissue", p.profile().id());
        Registration r = Registration.manual(210, 2, 0);
        PipelineControl.apply(p, "registration", Map.of("json", PipelineControl.toJson(r)));
        assertEquals(r, p.registration());
        PipelineControl.apply(p, "spine_half_width", Map.of("mm", "25"));
        assertEquals(25, p.settings().bodyMap().spineHalfWidthMm());
        PipelineControl.apply(p, "tare", Map.of("seconds", "0.1"));
        assertEquals(TareState.Status.CAPTURING, p.tareState().status());
        PersonalLimits lim = PersonalLimits.none("r1").withCeiling(BodyRegion.LUMBAR_L, 70);
        PipelineControl.apply(p, "limits", Map.of("json", PipelineControl.toJson(lim)));
        assertEquals(70.0, p.band(BodyRegion.LUMBAR_L).hardMax());
        UserCalibration cal = new UserCalibration("TEST-1", CalibrationCurve.power(0.02, 1.2, 0), 0.1, 0.5,
                java.util.List.of());
        PipelineControl.apply(p, "calibration", Map.of("json", PipelineControl.toJson(cal)));
        assertEquals("user", p.calibrationState().source());
        PipelineControl.apply(p, "calibration", Map.of());
        assertEquals("factory", p.calibrationState().source());
        PipelineControl.apply(p, "routine_start", null);
        assertNotNull(p.routineProgress());
        PipelineControl.apply(p, "trace_start", Map.of());
        assertTrue(p.spineTraceActive());
        assertThrows(IllegalStateException.class, () -> PipelineControl.apply(p, "trace_finish", Map.of("degree", "1")));
    }

    @Test
    void badCommandsAreOneLineErrors() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineControl.apply(p, "reboot", Map.of()));
        assertTrue(e.getMessage().contains("known:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PipelineControl.apply(p, "tare", Map.of("seconds", "soon")));
        assertTrue(e.getMessage().contains("number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PipelineControl.apply(p, "registration", Map.of("json", "{\"midline\": []}")));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PipelineControl.apply(p, "profile", Map.of()));
    }
}
