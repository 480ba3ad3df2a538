package io.tactus.signal.flags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tactus.signal.body.BodyRegion;
import java.util.Map;
import java.util.TreeMap;

/**
 * A receiver's own ceilings (kPa per region id), learned from their "too much" marker. Pressure-pain thresholds
 * differ five-fold between people, so a profile's hard max is lowered to the receiver's ceiling where it is lower.
 *
 * @param pseudonym the receiver's pseudonym (never a real name)
 * @param ceilings  region id -> kPa
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonalLimits(@JsonProperty("pseudonym") String pseudonym,
                             @JsonProperty("ceilings_kpa") Map<String, Double> ceilings) {

    public PersonalLimits {
        TreeMap<String, Double> m = new TreeMap<>();
        if (ceilings != null) {
            ceilings.forEach((k, v) -> {
                BodyRegion.fromId(k);
                if (v == null || !(v > 0) || v.isInfinite()) {
                    throw new IllegalArgumentException("ceiling of " + k + " must be > 0 kPa");
                }
                m.put(k, v);
            });
        }
        ceilings = java.util.Collections.unmodifiableMap(m);
    }

    public static PersonalLimits none(String pseudonym) {
        return new PersonalLimits(pseudonym, Map.of());
    }

    /** Ceiling for a region, or +infinity. */
    public double ceiling(BodyRegion r) {
        Double v = ceilings.get(r.id());
        return v == null ? Double.POSITIVE_INFINITY : v;
    }

    public PersonalLimits withCeiling(BodyRegion r, double kpa) {
        TreeMap<String, Double> m = new TreeMap<>(ceilings);
        m.put(r.id(), kpa);
        return new PersonalLimits(pseudonym, m);
    }

    public PersonalLimits accept(CeilingOffer offer) {
        return withCeiling(offer.region(), offer.kpa());
    }
}
