package io.tactus.signal.flags;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tactus.signal.body.BodyRegion;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pressure profile (Gentle / home, Swedish, Deep tissue, Trigger point, or a clinic's own): per-region bands and
 * the flag timing, as editable JSON data ({@code profiles.json}; sources of every number in docs/PROFILES.md).
 *
 * @param spineContactKpa spine_contact above this peak pressure in the spine band
 * @param boneContactKpa  bone_contact above this on a bone region
 * @param debounceMs      a condition must hold this long before it is flagged (the event still starts at its
 *                        first frame)
 * @param releaseMs       and must be gone this long before the event ends (one touch = one event)
 * @param hysteresis      an event ends below {@code threshold * (1 - hysteresis)}
 * @param holdTimeS       trigger-point hold goal (the session metrics count holds reaching it)
 * @param holdMinKpa      a stationary press counts as a hold when its mean pressure (peak cell; a compact
 *                        contact: its force over one cell) reaches this (absent: 30 kPa)
 * @param bands           band per region id; regions missing here are not scored
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(@JsonProperty("id") String id,
                      @JsonProperty("name") String name,
                      @JsonProperty("description") String description,
                      @JsonProperty("spine_contact_kpa") double spineContactKpa,
                      @JsonProperty("bone_contact_kpa") double boneContactKpa,
                      @JsonProperty("debounce_ms") double debounceMs,
                      @JsonProperty("release_ms") double releaseMs,
                      @JsonProperty("hysteresis") double hysteresis,
                      @JsonProperty("hold_time_s") double holdTimeS,
                      @JsonProperty("hold_min_kpa") double holdMinKpa,
                      @JsonProperty("bands") Map<String, Band> bands,
                      @JsonProperty("notes") String notes) {

    /** "Firm" thumb pressure; starting guess (docs/PROFILES.md). */
    public static final double DEFAULT_HOLD_MIN_KPA = 30;

    public Profile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("profile needs an id");
        }
        check(spineContactKpa > 0, "spine_contact_kpa must be > 0");
        check(boneContactKpa > 0, "bone_contact_kpa must be > 0");
        check(debounceMs >= 0 && debounceMs <= 5000, "debounce_ms must be 0..5000");
        check(releaseMs >= 0 && releaseMs <= 5000, "release_ms must be 0..5000");
        check(hysteresis >= 0 && hysteresis < 1, "hysteresis must be in [0, 1)");
        check(holdTimeS > 0 && holdTimeS <= 600, "hold_time_s must be in (0, 600]");
        holdMinKpa = holdMinKpa > 0 ? holdMinKpa : DEFAULT_HOLD_MIN_KPA;
        Map<String, Band> copy = new LinkedHashMap<>();
        if (bands != null) {
            for (Map.Entry<String, Band> e : bands.entrySet()) {
                BodyRegion.fromId(e.getKey());
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("profile " + id + ": band of " + e.getKey() + " is empty");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        bands = java.util.Collections.unmodifiableMap(copy);
        name = name == null ? id : name;
        description = description == null ? "" : description;
        notes = notes == null ? "" : notes;
    }

    private static void check(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalArgumentException(msg);
        }
    }

    /** Band of a region, or null when the profile does not score it. */
    public Band band(BodyRegion r) {
        return bands.get(r.id());
    }

    /** Bands keyed by enum, for UIs. */
    @JsonIgnore
    public Map<BodyRegion, Band> bandsByRegion() {
        Map<BodyRegion, Band> m = new EnumMap<>(BodyRegion.class);
        bands.forEach((k, v) -> m.put(BodyRegion.fromId(k), v));
        return m;
    }

    public Profile withBand(BodyRegion r, Band b) {
        Map<String, Band> m = new LinkedHashMap<>(bands);
        m.put(r.id(), b);
        return new Profile(id, name, description, spineContactKpa, boneContactKpa, debounceMs, releaseMs, hysteresis,
                holdTimeS, holdMinKpa, m, notes);
    }

    public Profile withTiming(double debounce, double release, double hyst) {
        return new Profile(id, name, description, spineContactKpa, boneContactKpa, debounce, release, hyst,
                holdTimeS, holdMinKpa, bands, notes);
    }
}
