package io.tactus.session;

/** Record types of recording format v1 (docs/RECORDING-FORMAT.md). Unknown types are skipped by readers. */
public enum RecordType {
    /** UTF-8 JSON session metadata; the first record of every file. */
    METADATA(0x01),
    /** One packet as it came off the wire, with its host receive time. */
    PACKET(0x02),
    /** A chunk of rejected wire input (kind + byte count), so replays can report it. */
    CORRUPT(0x03),
    /** UTF-8 JSON instructor annotation (added live or after the fact). */
    ANNOTATION(0x04),
    /** UTF-8 JSON flag event (live flags, or flags added after the fact). */
    EVENT(0x05),
    /** UTF-8 JSON pipeline command (e.g. tare) with the packet position it applies before. */
    COMMAND(0x06),
    /** Packets the recorder could not write (queue overflow): count and bytes. */
    LOSS(0x07),
    /** Seek index and list of side records, written at close. */
    INDEX(0x10),
    /** Fixed-size last record pointing at the INDEX record. */
    TRAILER(0x11);

    private static final RecordType[] BY_CODE = new RecordType[256];

    static {
        for (RecordType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the type for a code, or null if this reader does not know it. */
    public static RecordType fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** Records that are not packets and are listed in the index so a reader finds them without a scan. */
    public boolean isSideRecord() {
        return this == METADATA || this == ANNOTATION || this == EVENT || this == COMMAND || this == LOSS;
    }
}
