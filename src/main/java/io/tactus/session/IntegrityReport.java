package io.tactus.session;

import java.util.List;

/**
 * What opening a recording, or one full pass over its packets, found about its integrity. Opening a closed
 * file reads only the index; the packets' CRCs are checked by the pass ({@link RecordingReader.Cursor#integrity()}),
 * which is what {@code info}, {@code analyze}, {@code export} and the replay view report.
 *
 * @param complete         the file ends with a valid trailer (closed normally)
 * @param indexRebuilt     the index was missing or damaged and was rebuilt by scanning the file
 * @param verified         every record's CRC was checked; false when only the index was read
 * @param damagedRegions   stretches of damaged bytes skipped in the middle of the file (bad CRC, bad header):
 *                         one flipped bit makes one region of one record
 * @param skippedBytes     bytes skipped in those regions
 * @param cutBytes         bytes at the end that did not form a complete record (crash or kill mid-write)
 * @param malformedRecords records with a valid CRC that do not hold what their type needs (a CORRUPT or LOSS
 *                         record too short for its fields, a PACKET without a protocol-v1 header, a side record
 *                         whose JSON cannot be read); ignored and counted
 * @param lostSpans        where the damaged regions fell among the packets, in device time (empty before a pass)
 * @param problems         one line per problem (at most 100; the counts are complete)
 */
public record IntegrityReport(boolean complete, boolean indexRebuilt, boolean verified, long damagedRegions,
                              long skippedBytes, long cutBytes, long malformedRecords, List<LostSpan> lostSpans,
                              List<String> problems) {

    /**
     * Data lost to one damaged region, between the last device packet before it and the first after it.
     *
     * @param fromUs      unwrapped device time of the last packet before the damage (= {@code toUs} if none)
     * @param toUs        unwrapped device time of the first packet after it (= {@code fromUs} if none)
     * @param framesLost  sequence numbers missing between the two packets: the frames lost (a device's packets
     *                    are frames but for the odd marker or log line); 0 when unknown (no packet on one side)
     */
    public record LostSpan(long fromUs, long toUs, long framesLost) {
        public double seconds() {
            return (toUs - fromUs) / 1e6;
        }
    }

    /** What opening found (no pass over the packets yet). */
    public IntegrityReport(boolean complete, boolean indexRebuilt, boolean verified, long damagedRegions,
                           long skippedBytes, long cutBytes, List<String> problems) {
        this(complete, indexRebuilt, verified, damagedRegions, skippedBytes, cutBytes, 0, List.of(), problems);
    }

    public boolean clean() {
        return complete && damagedRegions == 0 && cutBytes == 0 && malformedRecords == 0;
    }

    /** True if records in the middle of the file were unreadable (not only a cut end). */
    public boolean damaged() {
        return damagedRegions > 0 || malformedRecords > 0;
    }

    public long framesLost() {
        return lostSpans.stream().mapToLong(LostSpan::framesLost).sum();
    }

    public double secondsLost() {
        return lostSpans.stream().mapToDouble(LostSpan::seconds).sum();
    }

    /** "ok", "cut" (not closed normally, every complete record read) or "damaged" (records unreadable inside). */
    public String status() {
        return damaged() ? "damaged" : clean() ? "ok" : "cut";
    }

    /**
     * The report as JSON-ready values, the one shape `info --json`, `analyze --json` and the export sidecars use.
     *
     * @param zeroUs device time of "0 s" (the first frame) for the lost spans
     */
    public java.util.Map<String, Object> describe(long zeroUs) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", status());
        m.put("summary", summary());
        m.put("closed_normally", complete);
        m.put("index_rebuilt", indexRebuilt);
        m.put("damaged_regions", damagedRegions);
        m.put("bytes_skipped", skippedBytes);
        m.put("cut_bytes", cutBytes);
        m.put("malformed_records", malformedRecords);
        m.put("frames_lost", framesLost());
        m.put("seconds_lost", Math.round(secondsLost() * 1000) / 1000.0);
        java.util.List<java.util.Map<String, Object>> spans = new java.util.ArrayList<>();
        for (LostSpan s : lostSpans) {
            java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
            o.put("from_s", Math.round((s.fromUs() - zeroUs) / 1000.0) / 1000.0);
            o.put("to_s", Math.round((s.toUs() - zeroUs) / 1000.0) / 1000.0);
            o.put("frames_lost", s.framesLost());
            spans.add(o);
        }
        m.put("lost_spans", spans);
        m.put("problems", problems);
        return m;
    }

    /**
     * One warning line naming where data was lost (the first few spans), for the CLI's stderr; null when clean.
     *
     * @param zeroUs device time of "0 s"
     */
    public String warning(long zeroUs) {
        if (clean()) {
            return null;
        }
        if (!damaged()) {
            return "the recording is " + summary() + "; results cover the readable part";
        }
        StringBuilder b = new StringBuilder("the recording is DAMAGED:");
        if (damagedRegions > 0) {
            b.append(' ').append(damagedRegions).append(" damaged region(s) (").append(skippedBytes)
                    .append(" bytes) skipped");
            if (!lostSpans.isEmpty()) {
                b.append(String.format(java.util.Locale.ROOT, ", about %d frames (%.2f s) lost at ", framesLost(),
                        secondsLost())).append(spansText(zeroUs, 3));
            }
        }
        if (malformedRecords > 0) {
            b.append(damagedRegions > 0 ? ";" : "").append(' ').append(malformedRecords)
                    .append(" malformed record(s) ignored");
        }
        if (!complete || cutBytes > 0) {
            b.append("; ").append(complete ? "closed normally" : "not closed normally");
            if (cutBytes > 0) {
                b.append(", ").append(cutBytes).append(" bytes of an incomplete last record cut");
            }
        }
        return b.append("; results cover the readable part").toString();
    }

    /**
     * The lost spans as "12.30-12.34 s, 40.01-40.02 s and 5 more".
     *
     * @param zeroUs device time of "0 s"
     * @param max    spans named before "and N more"
     */
    public String spansText(long zeroUs, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lostSpans.size(); i++) {
            if (i == max) {
                b.append(" and ").append(lostSpans.size() - max).append(" more");
                break;
            }
            LostSpan s = lostSpans.get(i);
            b.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f-%.2f s",
                    (s.fromUs() - zeroUs) / 1e6, (s.toUs() - zeroUs) / 1e6));
        }
        return b.toString();
    }

    /** One line for `tactus info` and the app's status. */
    public String summary() {
        if (clean()) {
            return verified ? "ok (closed normally, every record verified)" : "ok (closed normally)";
        }
        StringBuilder b = new StringBuilder(complete ? "closed normally" : "not closed normally (crash, kill or unplug)");
        if (indexRebuilt) {
            b.append(", index rebuilt by scan");
        }
        if (cutBytes > 0) {
            b.append(", ").append(cutBytes).append(" bytes of an incomplete last record cut");
        }
        if (damagedRegions > 0) {
            b.append(", DAMAGED: ").append(damagedRegions).append(" damaged region(s), ").append(skippedBytes)
                    .append(" bytes skipped");
            if (!lostSpans.isEmpty()) {
                b.append(String.format(java.util.Locale.ROOT, ", about %d frames (%.2f s) lost", framesLost(),
                        secondsLost()));
            }
        }
        if (malformedRecords > 0) {
            b.append(", ").append(malformedRecords).append(" malformed record(s) ignored");
        }
        return b.toString();
    }
}
