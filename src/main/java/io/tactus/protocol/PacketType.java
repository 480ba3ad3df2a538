package io.tactus.protocol;

/** Packet types of wire protocol v1 (firmware-protocol/PROTOCOL.md). Device-to-host below 0x80, host-to-device above. */
public enum PacketType {
    HELLO(0x01),
    FRAME_DENSE(0x02),
    FRAME_SPARSE(0x03),
    MARKER(0x04),
    POSE(0x05),
    LOG(0x7E),
    ERROR(0x7F),
    REQUEST_HELLO(0x81),
    START(0x82),
    STOP(0x83),
    SET_RATE(0x84);

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isFrame() {
        return this == FRAME_DENSE || this == FRAME_SPARSE;
    }

    public boolean fromDevice() {
        return code < 0x80;
    }

    /** @return the type for a wire code, or null if the code is not defined in v1. */
    public static PacketType fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
