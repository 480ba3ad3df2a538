package io.tactus.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The project's one Jackson mapper, configured once and never mutated afterwards. Building a mapper and its
 * serializer caches costs class loading and time at start-up, so every layer shares this one; a caller that
 * needs a variant (pretty output, lenient or stricter reading) derives an {@link ObjectReader} or
 * {@link ObjectWriter} from it, which shares the caches.
 *
 * <p>Strict on types everywhere: a number where a string belongs, or {@code "16"} where a number belongs, is
 * reported rather than guessed at (a firmware bug in a HELLO, a typo in a hand-edited profile).
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Indented output, for files people read and edit (profiles, calibrations, settings). */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /** A reader that ignores properties it does not know (records written by a newer version). */
    public static ObjectReader tolerant(Class<?> type) {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Compact UTF-8 JSON of a value the caller built itself (so failing to serialise it is a bug). */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
