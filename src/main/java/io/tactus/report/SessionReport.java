package io.tactus.report;

import java.util.List;

/**
 * Everything one session's report shows, computed headless and handed to the template (src/main/jte/report.jte).
 * Numbers stay numbers (the template formats them) so a test can hold them against `analyze --json`; pictures are
 * finished markup (inline SVG, or PNG data URIs for PDF).
 *
 * @param file        the recording's file name
 * @param trainee     trainee pseudonym, or null
 * @param receiver    receiver pseudonym, or null
 * @param startUtc    recording start (ISO-8601 UTC), or null for a capture
 * @param device      device name, or null
 * @param profile     profile the flags were computed with
 * @param integrity   "ok", or the integrity summary of a damaged / cut recording
 * @param scores      the summary scores
 * @param nextSteps   what to work on next, largest issue first
 * @param peakMap     accumulated peak pressure over the back illustration
 * @param ptMap       pressure-time map (kPa s per cell)
 * @param flags       every flag and marker in time order
 * @param regions     per-region table in region order
 * @param movement    movement statistics from the core's centre-of-pressure tracker
 * @param technique   the guided routine's steps and their outcome when a routine was started in the session; empty
 * @param notes       the instructor's notes with their times
 * @param generator   application version line
 */
public record SessionReport(String file, String trainee, String receiver, String startUtc, String device,
                            String profile, String integrity, Scores scores, List<String> nextSteps, String peakMap,
                            String ptMap, List<FlagRow> flags, List<RegionRow> regions, List<Row> movement,
                            List<Row> technique, List<NoteRow> notes, String generator) {

    /** A flag (or marker) with its thumbnail markup (null when none was kept); region is the id, regionName its display name. */
    public record FlagRow(String type, String label, double startS, Double endS, String region, String regionName,
                          double peakKpa,
                          Double limitKpa, String detail, String thumbnail) {
    }

    /**
     * One row of `analyze --json` "regions".
     *
     * @param touchedS time the region's peak was at or above the contact level (time_touched_s)
     * @param inBandS  of that, within the target band (time_within_s); null for spine and bones (no band)
     * @param meanKpa  mean of the region's peak pressure while touched: pti_kpa_s / time_touched_s (0 untouched)
     * @param peakKpa  highest pressure (peak_kpa)
     * @param ptKpaS   pressure-time integral of the region's peak pressure (pti_kpa_s)
     */
    public record RegionRow(String id, String name, String kind, double touchedS, Double inBandS, double meanKpa,
                            double peakKpa, double ptKpaS) {
    }

    /** A labelled value; {@code key} names the JSON field it comes from. */
    public record Row(String key, String label, String value) {
    }

    public record NoteRow(double timeS, String text) {
    }
}
