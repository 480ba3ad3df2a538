package io.tactus.signal.body;

/**
 * Back regions the core resolves force into (../shared/docs/massage-guidance.md, "Back regions").
 * Left/right are the receiver's, who lies prone. Geometry lives in a JSON body map, not here.
 */
public enum BodyRegion {
    SPINE("spine", Kind.SPINE, Side.MID),
    SHOULDER_L("shoulder_l", Kind.MUSCLE, Side.LEFT),
    SHOULDER_R("shoulder_r", Kind.MUSCLE, Side.RIGHT),
    SCAPULA_L("scapula_l", Kind.BONE, Side.LEFT),
    SCAPULA_R("scapula_r", Kind.BONE, Side.RIGHT),
    THORACIC_L("thoracic_l", Kind.MUSCLE, Side.LEFT),
    THORACIC_R("thoracic_r", Kind.MUSCLE, Side.RIGHT),
    LUMBAR_L("lumbar_l", Kind.MUSCLE, Side.LEFT),
    LUMBAR_R("lumbar_r", Kind.MUSCLE, Side.RIGHT),
    SACRUM("sacrum", Kind.BONE, Side.MID),
    ILIAC_L("iliac_l", Kind.BONE, Side.LEFT),
    ILIAC_R("iliac_r", Kind.BONE, Side.RIGHT);

    /** What touching the region means: the spine and bones are flagged, muscles are worked. */
    public enum Kind { SPINE, BONE, MUSCLE }

    public enum Side { LEFT, RIGHT, MID }

    private final String id;
    private final Kind kind;
    private final Side side;

    BodyRegion(String id, Kind kind, Side side) {
        this.id = id;
        this.kind = kind;
        this.side = side;
    }

    /** Stable lower-case id used in JSON, CSV, recordings and CLI output. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public Side side() {
        return side;
    }

    public static BodyRegion fromId(String id) {
        for (BodyRegion r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown region '" + id + "'");
    }
}
