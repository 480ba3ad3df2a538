package io.tactus.fuzz;

/** What one fuzz input did. */
enum Outcome {
    /** Accepted, nothing to report (a valid input, or damage the format cannot see, e.g. a DIY text digit). */
    OK,
    /** Damage or hostile content reported: a documented one-line error, a warning, a counted corruption. */
    REPORTED,
    /** Damaged, not reported, but the result is the same as the undamaged input's (e.g. a cut after the end). */
    SAME,
    /** Damaged, not reported, and the result differs: a silent wrong result (goal 0). */
    SILENT_WRONG,
    /** An exception other than the documented one-line errors (goal 0). */
    UNEXPECTED,
    /** The per-input watchdog fired (goal 0). */
    HANG,
    /** OutOfMemoryError (goal 0). */
    OOM
}
