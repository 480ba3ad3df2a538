/**
 * Technique: per-contact tracking (separate simultaneous contacts, keep identity across frames), movements
 * measured per contact (strokes, circles, holds), and coaching against a guided routine. docs/SIGNAL.md,
 * "Technique".
 */
package io.tactus.signal.technique;
