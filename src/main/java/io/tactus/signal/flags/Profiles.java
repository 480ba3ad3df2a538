package io.tactus.signal.flags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads and saves profile files; the built-ins live in {@code profiles.json} next to this class. */
public final class Profiles {

    public static final String RESOURCE = "profiles.json";
    public static final String DEFAULT_ID = "gentle";

    private static final ObjectMapper JSON = Json.MAPPER;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(@JsonProperty("about") String about, @JsonProperty("profiles") List<Profile> profiles) {
    }

    private Profiles() {
    }

    /** Gentle / home, Swedish, Deep tissue, Trigger point, in that order. */
    public static List<Profile> builtIn() {
        try (InputStream in = Profiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + RESOURCE + " missing from the jar");
            }
            return List.copyOf(JSON.readValue(in, File.class).profiles());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Profile defaultProfile() {
        return byId(DEFAULT_ID);
    }

    /** @throws IllegalArgumentException naming the valid ids */
    public static Profile byId(String id) {
        List<Profile> all = builtIn();
        for (Profile p : all) {
            if (p.id().equalsIgnoreCase(id) || p.name().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "'; valid: "
                + String.join(", ", all.stream().map(Profile::id).toList()));
    }

    /**
     * The id itself when it names a built-in profile, else null: a recording's metadata may name a profile this
     * build does not know (a newer build, a hand edit), and callers then fall back to the default instead of failing.
     */
    public static String knownIdOrNull(String id) {
        if (id == null) {
            return null;
        }
        for (Profile p : builtIn()) {
            if (p.id().equalsIgnoreCase(id) || p.name().equalsIgnoreCase(id)) {
                return id;
            }
        }
        return null;
    }

    /** A file holding either one profile object or {"profiles": [...]}. */
    public static List<Profile> load(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                throw new IllegalArgumentException("profile file " + file + " is implausibly large");
            }
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(file.toFile());
            if (n != null && n.has("profiles")) {
                return List.copyOf(JSON.treeToValue(n, File.class).profiles());
            }
            return List.of(JSON.treeToValue(n, Profile.class));
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("profile file " + file + ": "
                    + String.valueOf(c.getMessage()).split("\n")[0]);
        }
    }

    public static void save(Path file, List<Profile> profiles) {
        try {
            Json.pretty().writeValue(file.toFile(), new File("Tactus profiles, see docs/PROFILES.md", profiles));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
