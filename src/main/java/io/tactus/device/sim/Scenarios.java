package io.tactus.device.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in scenarios. Names are a contract (CLI, app, tests, quality scoring). */
public final class Scenarios {

    public static final String GENTLE_ROUTINE = "gentle-routine";
    public static final String SPINE_CONTACT = "spine-contact";
    public static final String SHOULDER_OVERPRESSURE = "shoulder-overpressure";
    public static final String SCAPULA_CONTACT = "scapula-contact";
    public static final String MISTAKES = "mistakes";
    public static final String GLOVE = "glove";
    public static final String TWO_HAND_ROUTINE = "two-hand-routine";
    public static final String DEFAULT = GENTLE_ROUTINE;

    private record Entry(String description, boolean glove, Supplier<Script> script) {
    }

    private static final Map<String, Entry> ALL = build();

    private Scenarios() {
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put(GENTLE_ROUTINE, new Entry("Clean two-handed mat routine (~78 s): effleurage up both sides, clockwise"
                + " palm circles on the lower back, 5 thumb slides beside the spine, a 5 s trigger-point hold,"
                + " shoulder kneading, knuckles, finishing strokes. Hands stay >= 3 cm from the midline, off the"
                + " bones, below excess pressure: ground truth is empty.", false,
                () -> ScriptedRoutine.mat(ScriptedRoutine.Mistakes.NONE, 4, 2)));
        m.put(SPINE_CONTACT, new Entry("The routine with two thumb slides on the spine: one placed on it, one"
                + " drifting onto it mid-slide (2 spine_contact events).", false,
                () -> ScriptedRoutine.mat(new ScriptedRoutine.Mistakes(true, false, false, false, false), 4, 2)));
        m.put(SHOULDER_OVERPRESSURE, new Entry("The routine with far too much pressure on the shoulders after the"
                + " kneading: heel of the hand on the right (220 kPa) then on the left (240 kPa)"
                + " (2 excess_pressure events).", false,
                () -> ScriptedRoutine.mat(new ScriptedRoutine.Mistakes(false, true, false, false, false), 4, 2)));
        m.put(SCAPULA_CONTACT, new Entry("The routine with pressure on the shoulder blades: palm circles on the"
                + " right one, a thumb slide running onto the left one (2 bone_contact events).", false,
                () -> ScriptedRoutine.mat(new ScriptedRoutine.Mistakes(false, false, true, false, false), 4, 2)));
        m.put(MISTAKES, new Entry("All of the above plus palm circles on the sacrum and the receiver's"
                + " \"too much\" button during the right-shoulder overpressure (~86 s).", false,
                () -> ScriptedRoutine.mat(new ScriptedRoutine.Mistakes(true, true, true, true, true), 2, 1)));
        m.put(GLOVE, new Entry("A right sensing glove (20 taxels, POSE from a tracker) working the right side:"
                + " effleurage, thumb slides (one on the spine), palm circles, kneading, a thumb pressing far too"
                + " hard on the right shoulder, knuckles, finishing.", true, ScriptedRoutine::glove));
        m.put(TWO_HAND_ROUTINE, new Entry("42 s, two hands sometimes doing different things at once (one circles"
                + " while the other strokes or holds): 11 strokes up, 4 outward, 4 clockwise and 2 counter-clockwise"
                + " circles, one 5 s hold. Movement truth for technique scoring; no flag events.", false,
                TechniqueScripts::twoHandRoutine));
        return java.util.Collections.unmodifiableMap(m);
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** @throws IllegalArgumentException for an unknown name, listing the valid ones */
    public static String describe(String name) {
        return entry(name).description();
    }

    /** @throws IllegalArgumentException for an unknown name, listing the valid ones */
    public static Scenario get(String name) {
        Entry e = entry(name);
        return new Scenario(name, e.description(), e.glove(), e.script().get());
    }

    /**
     * A generated technique scenario ({@link TechniqueScripts#generated}): random speeds, sizes, tools, both
     * hands or one, each doing its own thing, with exact movement truth. Not in {@link #names()}.
     */
    public static Scenario generated(long seed) {
        return new Scenario("generated-" + seed, "generated technique scenario, seed " + seed, false,
                TechniqueScripts.generated(seed));
    }

    /**
     * A generated technique scenario for one right glove ({@link TechniqueScripts#generated(long, boolean)}, the
     * right hand only): taxels from the tool, POSE from the working point, movement truth as for the mat.
     */
    public static Scenario generatedGlove(long seed) {
        return new Scenario("generated-glove-" + seed, "generated technique scenario for a right glove, seed " + seed,
                true, TechniqueScripts.generated(seed, true));
    }

    private static Entry entry(String name) {
        Entry e = name == null ? null : ALL.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; valid: " + String.join(", ", names()));
        }
        return e;
    }
}
