/**
 * The receiver's back on the sensor grid: body map, back regions ({@link io.tactus.signal.body.BodyRegion}),
 * their cell grid and outlines, registration of the map to the mat and the spine tracer. Plain Java, no JavaFX.
 */
package io.tactus.signal.body;
