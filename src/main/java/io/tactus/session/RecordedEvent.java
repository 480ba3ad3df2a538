package io.tactus.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;

/**
 * A flag event stored in a recording (EVENT record): flags raised live, or added after the fact by an
 * instructor. Replays recompute flags from the packets; these records say what was shown at the time.
 *
 * @param origin "live" or "instructor"
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedEvent(@JsonProperty("type") String type,
                            @JsonProperty("start_us") long startUs,
                            @JsonProperty("end_us") long endUs,
                            @JsonProperty("region") String region,
                            @JsonProperty("peak_kpa") double peakKpa,
                            @JsonProperty("detail") String detail,
                            @JsonProperty("origin") String origin) {

    public static final String LIVE = "live";
    public static final String INSTRUCTOR = "instructor";

    public static RecordedEvent of(FlagEvent e, String origin) {
        return new RecordedEvent(e.type().id(), e.startUs(), e.endUs(), e.region() == null ? null : e.region().id(),
                e.peakKpa(), e.detail(), origin);
    }

    /** @return the flag event, or null if the type or region is unknown to this version. */
    public FlagEvent toFlagEvent() {
        try {
            return new FlagEvent(FlagType.fromId(type), startUs, endUs, region == null ? null : BodyRegion.fromId(region),
                    peakKpa, detail);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
