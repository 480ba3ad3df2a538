package io.tactus.report;

import java.util.Locale;

/**
 * Number formatting for the report templates: fixed decimals, dot separator, "-" for a missing value. Values are
 * first rounded to the three decimals of `analyze --json` ({@link Scores#round}), so a report and the JSON never
 * differ by a double rounding (11.1499.. vs 11.150 shown as 11.1 vs 11.2).
 */
public final class Fmt {

    public static final String NONE = "-";

    private Fmt() {
    }

    /** One decimal ("12.3"), "-" for NaN / null. */
    public static String d1(Double v) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, "%.1f", Scores.round(v));
    }

    /** No decimal. */
    public static String d0(Double v) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, "%.0f", Scores.round(v));
    }

    /** Two decimals. */
    public static String d2(Double v) {
        return v == null || !Double.isFinite(v) ? NONE : String.format(Locale.ROOT, "%.2f", Scores.round(v));
    }

    /** A share 0..1 as a whole percentage ("73 %"). */
    public static String pct(Double share) {
        return share == null || !Double.isFinite(share) ? NONE : String.format(Locale.ROOT, "%.0f %%", 100 * Scores.round(share));
    }

    /** Seconds from the start as m:ss.s ("1:05.2"). */
    public static String clock(Double s) {
        if (s == null || !Double.isFinite(s)) {
            return NONE;
        }
        int m = (int) (s / 60);
        return String.format(Locale.ROOT, "%d:%04.1f", m, s - 60 * m);
    }

    /** "48 % left / 52 % right". */
    public static String balance(Double leftShare) {
        return leftShare == null || !Double.isFinite(leftShare) ? NONE
                : String.format(Locale.ROOT, "%.0f %% left / %.0f %% right", 100 * leftShare, 100 * (1 - leftShare));
    }

    /** An ISO-8601 instant as "2026-11-23 14:01 UTC" (the input unchanged if it does not parse). */
    public static String when(String isoUtc) {
        if (isoUtc == null || isoUtc.isBlank()) {
            return NONE;
        }
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(isoUtc));
        } catch (java.time.format.DateTimeParseException e) {
            return isoUtc;
        }
    }

    /** A possibly-missing text. */
    public static String text(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
