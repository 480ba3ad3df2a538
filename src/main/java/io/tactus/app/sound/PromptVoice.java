package io.tactus.app.sound;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.technique.Routine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spoken step prompts of any routine. The built-in routine's steps have whole-sentence clips
 * ({@code prompts/STEP_ID.wav}). A step of a user's routine (loaded JSON, any ids and titles) is voiced from the
 * step's own data through bundled phrase clips ({@code prompts/phrases/*.wav}): "Next: | three | strokes up | on
 * the lower back, left | or | the lower back, right". Both sets are made offline by {@code scripts/make-prompts.sh}
 * (espeak-ng, at development time; the phrase texts come from {@link #phrases()}, the one source,
 * printed by the test-scope {@code PromptPhrasesMain}), so the app
 * needs no speech engine at run time. A user's free-text title is shown, not spoken.
 */
public final class PromptVoice {

    private static final String[] NUMBERS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve"};
    private static final Map<String, String> PHRASES = build();

    private final Routine builtIn = Routine.defaultRoutine();

    private static Map<String, String> build() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("next", "Next:");
        m.put("first", "Routine started. First:");
        m.put("or", "or");
        m.put("on", "on");
        for (int i = 1; i < NUMBERS.length; i++) {
            m.put("n" + i, NUMBERS[i]);
        }
        for (String d : List.of("up", "down", "outward", "inward")) {
            m.put("strokes_" + d, "strokes " + d);
        }
        m.put("circles_clockwise", "circles, clockwise");
        m.put("circles_counterclockwise", "circles, counter-clockwise");
        m.put("holds", "firm, still holds");
        m.put("hold", "a firm, still hold");
        m.put("seconds_on", "seconds of pressure on");
        for (BodyRegion r : BodyRegion.values()) {
            m.put("region_" + r.id(), spoken(BodyMap.standard().displayName(r)));
        }
        return m;
    }

    /** "Lower back (left)" is said "the lower back, left". */
    private static String spoken(String displayName) {
        return "the " + displayName.replace(" (", ", ").replace(")", "").toLowerCase(Locale.ROOT);
    }

    /** Every phrase clip id and its words, in a stable order (what make-prompts.sh records). */
    public static Map<String, String> phrases() {
        return PHRASES;
    }

    /** The prompt when a routine starts with {@code first}. */
    public Prompt start(Routine.Step first) {
        return builtIn(first) && first.equals(builtIn.steps().get(0))
                ? whole("routine_start", "Routine started. First: " + first.label()) : fromData("first", first);
    }

    /** The prompt when {@code step} becomes the current step. */
    public Prompt next(Routine.Step step) {
        return builtIn(step) ? whole(step.id(), "Next: " + step.label()) : fromData("next", step);
    }

    /** The prompt when every step is done. */
    public Prompt done() {
        return whole("routine_done", "Routine complete. Well done.");
    }

    private boolean builtIn(Routine.Step step) {
        return builtIn.steps().contains(step);
    }

    private static Prompt whole(String clip, String text) {
        return new Prompt(text, List.of(clip));
    }

    /** Words and clips from the step's kind, count, direction and regions. */
    static Prompt fromData(String lead, Routine.Step step) {
        List<String> ids = new ArrayList<>();
        ids.add(lead);
        int n = (int) Math.round(step.goal());
        String number = n > 0 && n < NUMBERS.length ? "n" + n : null;
        switch (step.kind()) {
            case "strokes", "circles" -> {
                if (number != null) {
                    ids.add(number);
                }
                ids.add(step.kind() + "_" + step.direction());
            }
            case "hold" -> ids.add(n == 1 || number == null ? "hold" : number); // "two" + "firm, still holds"
            default -> { // time: seconds of pressure on the regions
                if (number != null) {
                    ids.add(number);
                }
                ids.add("seconds_on");
            }
        }
        if ("hold".equals(step.kind()) && n > 1 && number != null) {
            ids.add("holds");
        }
        for (int i = 0; i < step.regions().size(); i++) {
            ids.add(i == 0 ? ("time".equals(step.kind()) ? null : "on") : "or");
            ids.add("region_" + step.regions().get(i));
        }
        ids.removeIf(java.util.Objects::isNull);
        List<String> clips = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String id : ids) {
            clips.add("phrases/" + id);
            text.append(text.length() == 0 ? "" : " ").append(PHRASES.get(id));
        }
        return new Prompt(text.toString(), clips);
    }
}
