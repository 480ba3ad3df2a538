package io.tactus.signal.flags;

/**
 * Live flags. {@link #id()} is the name used in JSON output, exports and recordings; {@link #label()} the one people
 * read, in the report, the replay's status line and the CLI's text output.
 */
public enum FlagType {
    SPINE_CONTACT("spine_contact", "Spine contact"),
    BONE_CONTACT("bone_contact", "Bone contact"),
    EXCESS_PRESSURE("excess_pressure", "Excess pressure"),
    MARKER("marker", "Receiver marker");

    private final String id;
    private final String label;

    FlagType(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** The flag's name for people ("Excess pressure"). */
    public String label() {
        return label;
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
