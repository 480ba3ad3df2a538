package io.tactus.session.export;

import java.time.Duration;
import java.util.Objects;

/**
 * How to export.
 *
 * @param anonymize          keep pseudonyms only: drop notes, annotation texts, device serial and source file name
 * @param keepAnnotationText with {@code anonymize}: keep annotation texts (the instructor vouches they hold no names)
 * @param startTimeShift     added to the UTC start time written to the export (relative times are unchanged)
 * @param longForm           CSV only: write pressure as tidy rows (frame, time_s, row, col, kpa) for non-zero
 *                           cells instead of one column per cell
 */
public record ExportOptions(boolean anonymize, boolean keepAnnotationText, Duration startTimeShift,
                            boolean longForm) {

    public static final ExportOptions DEFAULT = new ExportOptions(false, false, Duration.ZERO, false);

    public ExportOptions {
        Objects.requireNonNull(startTimeShift, "startTimeShift");
    }

    public ExportOptions withAnonymize(boolean a) {
        return new ExportOptions(a, keepAnnotationText, startTimeShift, longForm);
    }

    public ExportOptions withLongForm(boolean l) {
        return new ExportOptions(anonymize, keepAnnotationText, startTimeShift, l);
    }

    public ExportOptions withStartTimeShift(Duration d) {
        return new ExportOptions(anonymize, keepAnnotationText, d, longForm);
    }

    public ExportOptions withKeepAnnotationText(boolean k) {
        return new ExportOptions(anonymize, k, startTimeShift, longForm);
    }
}
