package io.tactus.signal;

import io.tactus.signal.body.Registration;
import io.tactus.signal.body.SpineTracer;
import io.tactus.signal.calibration.CalibrationStage;
import io.tactus.signal.flags.FlagBook;
import io.tactus.signal.metrics.FrameMeasure;
import io.tactus.signal.metrics.SessionAccumulator;
import io.tactus.signal.technique.MovementTracker;
import io.tactus.signal.technique.RoutineTracker;

/**
 * Everything a {@link SignalPipeline} carries from one frame to the next, from {@link SignalPipeline#checkpoint()}:
 * the settings and registration in force (recorded commands included), and each stage's own state. Immutable by
 * convention (the arrays are copies, or arrays the pipeline replaces rather than writes). About 30 kB for a
 * 32x32 mat; a replay keeps one every few seconds of recording.
 *
 * @param cellRegion region ordinal per cell (a copy for a glove, whose pose rewrites it)
 * @param pose       a glove's last position, or null for a mat
 * @param routine    the guided routine in progress, or null
 */
public record PipelineState(SignalSettings settings, Registration registration, int[] cellRegion, double[] pose,
                            boolean[] touched, long index, long timeUs, long hostNanos, boolean hasFrame,
                            long badFrames, CalibrationStage.State calibration, FrameMeasure.State measure,
                            FlagBook.State flags, SessionAccumulator.State session, MovementTracker.State movement,
                            RoutineTracker.State routine, SpineTracer.State tracer) {
}
