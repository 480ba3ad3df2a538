package io.tactus.session;

import java.util.List;

/**
 * What opening (or fully verifying) a recording found.
 *
 * @param complete      the file ends with a valid trailer and index (closed normally)
 * @param indexRebuilt  the index was missing or damaged and was rebuilt by scanning the file
 * @param verified      every record's CRC was checked (a full scan ran); false when only the index was read
 * @param damagedRegions regions of damaged bytes skipped in the middle of the file (CRC errors, bad headers)
 * @param skippedBytes  bytes skipped in those regions
 * @param cutBytes      bytes at the end of the file that did not form a complete record (crash or kill mid-write)
 * @param problems      one line per problem (at most 100; {@code damagedRegions} has the full count)
 */
public record IntegrityReport(boolean complete, boolean indexRebuilt, boolean verified, long damagedRegions,
                              long skippedBytes, long cutBytes, List<String> problems) {

    public boolean clean() {
        return complete && damagedRegions == 0 && cutBytes == 0;
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
            b.append(", ").append(damagedRegions).append(" damaged region(s), ").append(skippedBytes)
                    .append(" bytes skipped");
        }
        return b.toString();
    }
}
