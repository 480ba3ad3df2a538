/**
 * The signal core: calibration, tare, body map and regions, live flags, metrics. Plain Java, deterministic, no JavaFX. Depends on protocol and device.
 */
package io.tactus.signal;
