/**
 * Technique: per-contact tracking (separate simultaneous contacts, keep identity across frames), movements
 * measured per contact (strokes, circles, holds), and the guided routine that judges each movement against the
 * current step. Plain Java, no JavaFX. docs/SIGNAL.md, "Technique".
 */
package io.tactus.signal.technique;
