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
 * @param replaceExisting    replace files of the same names; without it an export that would replace any
 *                           existing file writes nothing and fails with {@link OutputExistsException}
 */
public record ExportOptions(boolean anonymize, boolean keepAnnotationText, Duration startTimeShift,
                            boolean longForm, boolean replaceExisting) {

    public static final ExportOptions DEFAULT = new ExportOptions(false, false, Duration.ZERO, false);

    public ExportOptions {
        Objects.requireNonNull(startTimeShift, "startTimeShift");
    }

    /** Never replaces an existing file. */
    public ExportOptions(boolean anonymize, boolean keepAnnotationText, Duration startTimeShift, boolean longForm) {
        this(anonymize, keepAnnotationText, startTimeShift, longForm, false);
    }

    public ExportOptions withReplaceExisting(boolean r) {
        return new ExportOptions(anonymize, keepAnnotationText, startTimeShift, longForm, r);
    }

    public ExportOptions withAnonymize(boolean a) {
        return new ExportOptions(a, keepAnnotationText, startTimeShift, longForm, replaceExisting);
    }

    public ExportOptions withLongForm(boolean l) {
        return new ExportOptions(anonymize, keepAnnotationText, startTimeShift, l, replaceExisting);
    }

    public ExportOptions withStartTimeShift(Duration d) {
        return new ExportOptions(anonymize, keepAnnotationText, d, longForm, replaceExisting);
    }

    public ExportOptions withKeepAnnotationText(boolean k) {
        return new ExportOptions(anonymize, k, startTimeShift, longForm, replaceExisting);
    }
}
