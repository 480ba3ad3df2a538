package io.tactus.signal.technique;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.protocol.Json;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A guided routine: the guidance's movements as ordered steps, each completed when the movement is detected
 * on the tracked contacts ({@code routine-default.json} is built in; docs/SIGNAL.md, "Guided routine").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Routine(@JsonProperty("id") String id, @JsonProperty("name") String name,
                      @JsonProperty("about") String about, @JsonProperty("steps") List<Step> steps) {

    public static final String RESOURCE = "routine-default.json";
    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * One step. Movements are counted per contact (docs/SIGNAL.md, "Technique"); both hands stroking up together
     * are one repetition (movements of the step's kind overlapping in time by more than half count once).
     *
     * @param kind        strokes, circles, hold or time
     * @param direction   strokes: up, down, outward, inward; circles: clockwise, counterclockwise
     * @param count       strokes / circles / holds needed
     * @param seconds     time: seconds with pressure on any of {@code regions}
     * @param regions     time: where the pressure counts; movements (optional): where the movement must be (its
     *                    mean position's region); empty = anywhere
     * @param text        the instruction shown to the trainee
     * @param source      the guidance it comes from
     * @param title       short name of the movement ("Palm circles"), for the panel and spoken prompts
     * @param aimS        movements (optional, 0 = any): the aimed duration of one movement; one between half and
     *                    twice this counts ("too fast: 0.6 s, aim for 2 s")
     * @param minLengthMm strokes (optional, 0 = the detector's 80 mm): the shortest stroke that counts
     * @param kpa         movements (optional): [min, max] of the movement's mean pressure; null = not judged
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("id") String id, @JsonProperty("kind") String kind,
                       @JsonProperty("direction") String direction, @JsonProperty("count") int count,
                       @JsonProperty("seconds") double seconds, @JsonProperty("regions") List<String> regions,
                       @JsonProperty("text") String text, @JsonProperty("source") String source,
                       @JsonProperty("title") String title, @JsonProperty("aim_s") double aimS,
                       @JsonProperty("min_length_mm") double minLengthMm, @JsonProperty("kpa") double[] kpa,
                       @JsonProperty("hand_part") String handPart) {

        /** A step without pace, length or pressure asks. */
        public Step(String id, String kind, String direction, int count, double seconds, List<String> regions,
                    String text, String source) {
            this(id, kind, direction, count, seconds, regions, text, source, null, 0, 0, null, null);
        }

        public Step {
            regions = regions == null ? List.of() : List.copyOf(regions);
            String k = kind == null ? "" : kind;
            switch (k) {
                case "strokes" -> require(List.of("up", "down", "outward", "inward").contains(direction) && count > 0,
                        id, "strokes need direction up|down|outward|inward and count > 0");
                case "circles" -> require(List.of("clockwise", "counterclockwise").contains(direction) && count > 0,
                        id, "circles need direction clockwise|counterclockwise and count > 0");
                case "hold" -> require(count > 0, id, "hold needs count > 0");
                case "time" -> require(seconds > 0 && !regions.isEmpty(), id, "time needs seconds > 0 and regions");
                default -> throw new IllegalArgumentException("step " + id + ": unknown kind '" + kind
                        + "' (strokes, circles, hold, time)");
            }
            regions.forEach(BodyRegion::fromId);
            require(aimS >= 0 && minLengthMm >= 0, id, "aim_s and min_length_mm must be >= 0");
            require(kpa == null || (kpa.length == 2 && kpa[0] >= 0 && kpa[1] >= kpa[0]), id, "kpa must be [min, max]");
            require(handPart == null || List.of("thumb", "palm").contains(handPart) && !"time".equals(k), id,
                    "hand_part must be thumb or palm, on a movement step");
        }

        /** The step's name for the panel: its title, else its id. */
        public String label() {
            return title == null || title.isBlank() ? id : title;
        }

        /**
         * A short spoken / shown prompt in the guidance's words: "Palm circles, clockwise, lower back (left)".
         *
         * @param names the body map whose display names to use
         */
        public String prompt(BodyMap names) {
            StringBuilder b = new StringBuilder(label());
            if (direction != null && !"time".equals(kind)) {
                b.append(", ").append(direction);
            }
            for (int i = 0; i < regions.size(); i++) {
                b.append(i == 0 ? ", " : " or ");
                b.append(names.displayName(BodyRegion.fromId(regions.get(i))).toLowerCase(java.util.Locale.ROOT));
            }
            return b.toString();
        }

        /** The goal in the step's unit (strokes, circles, holds or seconds). */
        public double goal() {
            return "time".equals(kind) ? seconds : count;
        }
    }

    /** A routine whose id is its name. */
    public Routine(String name, String about, List<Step> steps) {
        this(null, name, about, steps);
    }

    public Routine {
        id = id == null || id.isBlank() ? (name == null ? "routine" : name) : id;
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("routine has no steps");
        }
    }

    private static void require(boolean ok, String id, String msg) {
        if (!ok) {
            throw new IllegalArgumentException("step " + id + ": " + msg);
        }
    }

    public static Routine defaultRoutine() {
        try (InputStream in = Routine.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + RESOURCE + " missing from the jar");
            }
            return JSON.readValue(in, Routine.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException with a one-line reason for a malformed file */
    public static Routine load(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                throw new IllegalArgumentException("routine " + file + " is implausibly large");
            }
            return JSON.readValue(file.toFile(), Routine.class);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("routine " + file + ": " + String.valueOf(c.getMessage()).split("\n")[0]);
        }
    }
}
