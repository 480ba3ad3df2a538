package io.tactus.signal.flags;

/** Live flags. {@link #id()} is the name used in JSON output, exports and recordings. */
public enum FlagType {
    SPINE_CONTACT("spine_contact"),
    BONE_CONTACT("bone_contact"),
    EXCESS_PRESSURE("excess_pressure"),
    MARKER("marker");

    private final String id;

    FlagType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static FlagType fromId(String id) {
        for (FlagType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown flag type '" + id + "'");
    }
}
