package io.tactus.protocol;

/** Why a chunk of input was rejected. Each kind is counted separately and logged once. */
public enum Corruption {
    /** COBS block malformed (a code byte runs past the delimiter). */
    BAD_COBS,
    /** Decoded block shorter than header + CRC. */
    TOO_SHORT,
    /** More than header + 65,536 payload + CRC bytes before a delimiter. */
    OVERSIZE,
    /** CRC-32 mismatch. */
    BAD_CRC,
    /** Version byte is not 1. */
    BAD_VERSION,
    /** Type code not defined in v1. */
    UNKNOWN_TYPE,
    /** Payload length/content does not fit the type or the announced layout (checked above the decoder). */
    BAD_PAYLOAD
}
