package io.tactus.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An instructor's note at a moment of the session (ANNOTATION record). A later record with the same id replaces
 * an earlier one; {@code deleted} removes it. Appending never rewrites earlier bytes.
 *
 * @param id           stable id (e.g. a UUID) so edits and deletions can refer to it
 * @param deviceTimeUs unwrapped device time the note refers to (the same axis as flag events)
 * @param text         the note
 * @param deleted      true for a deletion record
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Annotation(@JsonProperty("id") String id,
                         @JsonProperty("device_time_us") long deviceTimeUs,
                         @JsonProperty("text") String text,
                         @JsonProperty("deleted") boolean deleted) {

    public static Annotation of(long deviceTimeUs, String text) {
        return new Annotation(java.util.UUID.randomUUID().toString(), deviceTimeUs, text, false);
    }

    public Annotation withText(String newText) {
        return new Annotation(id, deviceTimeUs, newText, false);
    }

    public Annotation asDeleted() {
        return new Annotation(id, deviceTimeUs, text, true);
    }
}
