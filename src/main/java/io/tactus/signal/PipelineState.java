package io.tactus.signal;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.body.BodyPlacement;
import io.tactus.signal.calibration.CalibrationStage;
import io.tactus.signal.flags.FlagBook;
import io.tactus.signal.metrics.FrameMeasure;
import io.tactus.signal.metrics.SessionAccumulator;
import io.tactus.signal.technique.TechniqueTracker;

/**
 * Everything a {@link SignalPipeline} carries from one frame to the next, from {@link SignalPipeline#checkpoint()}:
 * the device as last announced (a re-sent HELLO may change the rate), the settings in force (recorded commands
 * included), and each stage's own state. Immutable by convention (the arrays are copies, or arrays the pipeline
 * replaces rather than writes). Tens of kB for a 32x32 mat; a replay keeps one every few seconds of recording.
 */
public record PipelineState(DeviceDescriptor descriptor, double periodUs, SignalSettings settings, long index,
                            long timeUs, long hostNanos, boolean hasFrame, long badFrames,
                            CalibrationStage.State calibration, BodyPlacement.State body, FrameMeasure.State measure,
                            FlagBook.State flags, SessionAccumulator.State session, TechniqueTracker.State technique) {
}
