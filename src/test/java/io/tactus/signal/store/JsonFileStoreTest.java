package io.tactus.signal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.flags.PersonalLimits;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileStoreTest {

    @TempDir
    Path dir;

    private JsonFileStore<PersonalLimits> store(long maxBytes) {
        return new JsonFileStore<>(dir.resolve("receivers"), PersonalLimits.class, "limits", maxBytes);
    }

    @Test
    void roundTripsIndentedAndLeavesNoTemporaryFile() throws Exception {
        JsonFileStore<PersonalLimits> s = store(10_000);
        PersonalLimits l = new PersonalLimits("R/07", Map.of("shoulder_l", 60.0));
        s.save("R/07", l);
        assertEquals(Optional.of(l), s.load("R/07"));
        Path f = s.fileFor("R/07");
        assertEquals("R_07.json", f.getFileName().toString(), "the key is made file-name safe");
        assertTrue(Files.readString(f).contains("\n  \""), "indented for people who open it");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "only the file itself, no temp file left");
        }
        assertTrue(s.delete("R/07"));
        assertEquals(Optional.empty(), s.load("R/07"));
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile() throws Exception {
        JsonFileStore<PersonalLimits> s = store(200);
        Files.createDirectories(s.fileFor("a").getParent());
        Files.writeString(s.fileFor("a"), "{ \"pseudonym\": ");
        IllegalStateException broken = assertThrows(IllegalStateException.class, () -> s.load("a"));
        assertTrue(broken.getMessage().startsWith("limits file " + s.fileFor("a") + " is unreadable: "),
                broken.getMessage());
        assertFalse(broken.getMessage().contains("\n"));

        Files.writeString(s.fileFor("b"), "{\"pseudonym\": \"b\", \"ceilings_kpa\": {\"spine\": \"12\"}}");
        IllegalStateException quoted = assertThrows(IllegalStateException.class, () -> s.load("b"));
        assertTrue(quoted.getMessage().contains("unreadable"), "a quoted number is refused, not guessed at");

        Files.writeString(s.fileFor("c"), " ".repeat(201));
        assertTrue(assertThrows(IllegalStateException.class, () -> s.load("c")).getMessage()
                .contains("implausibly large"));
    }

    @Test
    void aFailedSaveNamesTheKeyAndKeepsTheOldFile() throws Exception {
        JsonFileStore<PersonalLimits> s = store(10_000);
        PersonalLimits old = new PersonalLimits("k", Map.of());
        s.save("k", old);
        Files.writeString(dir.resolve("blocker"), "x");
        JsonFileStore<PersonalLimits> blocked = new JsonFileStore<>(dir.resolve("blocker"), PersonalLimits.class,
                "limits", 10_000);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> blocked.save("k", old));
        assertTrue(e.getMessage().startsWith("cannot save limits for k: "), e.getMessage());
        assertEquals(Optional.of(old), s.load("k"));
    }
}
