/**
 * The signal core's public face: {@link io.tactus.signal.SignalPipeline} turns frames into calibrated kPa,
 * regions, flags and metrics ({@link io.tactus.signal.FrameSnapshot}), configured by
 * {@link io.tactus.signal.SignalSettings} and steered by {@link io.tactus.signal.PipelineControl}. Its parts
 * live in sub-packages by concern: {@code calibration}, {@code body}, {@code flags}, {@code technique},
 * {@code metrics}, {@code store}. Plain Java, deterministic, no JavaFX. Depends on protocol and device.
 */
package io.tactus.signal;
