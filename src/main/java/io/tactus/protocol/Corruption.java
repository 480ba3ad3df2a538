package io.tactus.protocol;

/** Why a chunk of input was rejected. Each kind is counted separately and logged once. */
public enum Corruption {
    /** COBS block malformed (a code byte runs past the delimiter). */
    BAD_COBS,
    /** Decoded block shorter than header + CRC. */
    TOO_SHORT,
    /** More than header + 65,536 payload + CRC bytes before a delimiter; in DIY line mode, a line over the cap. */
    OVERSIZE,
    /** CRC-32 mismatch. */
    BAD_CRC,
    /** Version byte is not 1. */
    BAD_VERSION,
    /** Type code not defined in v1. */
    UNKNOWN_TYPE,
    /** Payload length/content does not fit the type or the announced layout (checked above the decoder). */
    BAD_PAYLOAD,
    /**
     * DIY line mode: a line that is not a frame or a row of the given grid (wrong number of values, a token that
     * is not an integer, a value above 65535), or a row-per-line frame cut short by a separator.
     */
    BAD_TEXT
}
