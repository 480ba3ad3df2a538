package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.signal.flags.Band;
import io.tactus.signal.calibration.CalibrationCurve;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.calibration.TareState;
import io.tactus.signal.calibration.UserCalibration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed command factories: every command they build survives the recording's JSON form unchanged and, applied
 * to a pipeline, has the effect its name promises (so the factories and the core's name table cannot drift apart).
 */
class PipelineCommandsTest {

    private static final DeviceDescriptor MAT = new DeviceDescriptor(1, "test mat", "T-1", "1", "grid", 32, 32,
            new double[] {12.5, 18.75}, 12, 100, null, DeviceDescriptor.CalibrationSpec.power(0.0123, 1.25, 40));

    /** Applies {@code c} after a round trip through the recorded JSON form, as a replay would. */
    private static void replay(SignalPipeline p, PipelineCommand c) throws Exception {
        assertTrue(PipelineCommands.KNOWN.contains(c.name()), c.name());
        PipelineCommand back = Json.tolerant(PipelineCommand.class).readValue(Json.bytes(c));
        assertEquals(c, back);
        PipelineCommands.apply(p, back);
    }

    @Test
    void everyFactoryDrivesThePipeline() throws Exception {
        SignalPipeline p = new SignalPipeline(MAT);
        replay(p, PipelineCommands.profile("deep_tissue"));
        assertEquals("deep_tissue", p.profile().id());
        Band edited = new Band(12, 34, 66.0);
        replay(p, PipelineCommands.profile(Profiles.byId("swedish").withBand(BodyRegion.LUMBAR_L, edited)));
        assertEquals("swedish", p.profile().id());
        assertEquals(34.0, p.band(BodyRegion.LUMBAR_L).targetMax(), "a user's edited band arrives whole");
        Registration r = Registration.manual(210, 2, 0);
        replay(p, PipelineCommands.registration(r));
        assertEquals(r, p.registration());
        replay(p, PipelineCommands.spineHalfWidth(25));
        assertEquals(25, p.settings().bodyMap().spineHalfWidthMm());
        replay(p, PipelineCommands.tare(0.1));
        assertEquals(TareState.Status.CAPTURING, p.tareState().status());
        replay(p, PipelineCommands.tareCancel());
        assertTrue(p.tareState().status() != TareState.Status.CAPTURING);
        replay(p, PipelineCommands.limits(PersonalLimits.none("r1").withCeiling(BodyRegion.LUMBAR_L, 50)));
        assertEquals(50.0, p.band(BodyRegion.LUMBAR_L).hardMax());
        replay(p, PipelineCommands.calibration(new UserCalibration("T-1", CalibrationCurve.power(0.02, 1.2, 0),
                0.1, 0.5, List.of())));
        assertEquals("user", p.calibrationState().source());
        replay(p, PipelineCommands.calibration(null));
        assertEquals("factory", p.calibrationState().source());
        replay(p, PipelineCommands.routineStart(Routine.defaultRoutine()));
        assertNotNull(p.routineProgress());
        replay(p, PipelineCommands.routineStop());
        replay(p, PipelineCommands.routineStart(null));
        assertNotNull(p.routineProgress());
        replay(p, PipelineCommands.traceStart());
        assertTrue(p.spineTraceActive());
        replay(p, PipelineCommands.traceCancel());
        assertTrue(!p.spineTraceActive());
        replay(p, PipelineCommands.traceStart());
        assertThrows(IllegalStateException.class, () -> replay(p, PipelineCommands.traceFinish(1)),
                "no track collected: the core refuses to fit");
    }

    @Test
    void aNonFiniteNumberIsRefusedWhereItIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineCommands.tare(Double.NaN));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
        assertNull(PipelineCommands.routineStop().args().get("json"));
    }
}
