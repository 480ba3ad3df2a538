/** Technique feedback: movement tracking and the guided routine with its progress. Plain Java, no JavaFX. */
package io.tactus.signal.technique;
