package io.tactus.signal.technique;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.signal.body.BodyRegion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A guided routine: the guidance's movements as ordered steps, each completed when the movement is detected
 * from the centre of pressure ({@code routine-default.json} is built in; docs/SIGNAL.md, "Guided routine").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Routine(@JsonProperty("name") String name, @JsonProperty("about") String about,
                      @JsonProperty("steps") List<Step> steps) {

    public static final String RESOURCE = "routine-default.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param kind      strokes, circles, hold or time
     * @param direction strokes: up, down, outward, inward; circles: clockwise, counterclockwise
     * @param count     strokes / circles / holds needed
     * @param seconds   time: seconds with pressure on any of {@code regions}
     * @param text      the instruction shown to the trainee
     * @param source    the guidance it comes from
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("id") String id, @JsonProperty("kind") String kind,
                       @JsonProperty("direction") String direction, @JsonProperty("count") int count,
                       @JsonProperty("seconds") double seconds, @JsonProperty("regions") List<String> regions,
                       @JsonProperty("text") String text, @JsonProperty("source") String source) {

        public Step {
            regions = regions == null ? List.of() : List.copyOf(regions);
            String k = kind == null ? "" : kind;
            switch (k) {
                case "strokes" -> require(List.of("up", "down", "outward", "inward").contains(direction) && count > 0,
                        id, "strokes need direction up|down|outward|inward and count > 0");
                case "circles" -> require(List.of("clockwise", "counterclockwise").contains(direction) && count > 0,
                        id, "circles need direction clockwise|counterclockwise and count > 0");
                case "hold" -> require(count > 0, id, "hold needs count > 0");
                case "time" -> {
                    require(seconds > 0 && !regions.isEmpty(), id, "time needs seconds > 0 and regions");
                    regions.forEach(BodyRegion::fromId);
                }
                default -> throw new IllegalArgumentException("step " + id + ": unknown kind '" + kind
                        + "' (strokes, circles, hold, time)");
            }
        }

        /** The goal in the step's unit (strokes, circles, holds or seconds). */
        public double goal() {
            return "time".equals(kind) ? seconds : count;
        }
    }

    public Routine {
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
