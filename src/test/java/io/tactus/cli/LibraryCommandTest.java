package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tactus library` and `tactus progress` on a folder of sample recordings with a broken and a cut file: every file
 * is listed (the broken ones with their problem), scores equal `analyze --json`, re-indexing follows size, time and
 * content hash, and removed files leave the library.
 */
class LibraryCommandTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Map<String, JsonNode> list(Path db, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "library";
        args[1] = "list";
        args[2] = "--json";
        args[3] = "--db=" + db;
        System.arraycopy(extra, 0, args, 4, extra.length);
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> m = new HashMap<>();
        JSON.readTree(r.out()).forEach(e -> m.put(Path.of(e.get("path").asText()).getFileName().toString(), e));
        return m;
    }

    @Test
    void indexesEveryFileListsBrokenOnesAndFollowsChanges() throws Exception {
        Path lib = dir.resolve("recordings");
        Files.createDirectories(lib.resolve("week2"));
        Files.copy(SAMPLES.resolve("gentle-routine.tactus"), lib.resolve("gentle-routine.tactus"));
        Files.copy(SAMPLES.resolve("mistakes.tactus"), lib.resolve("week2/mistakes.tactus"));
        Files.copy(SAMPLES.resolve("spine-contact.tactus"), lib.resolve("spine-contact.tactus"));
        Files.write(lib.resolve("broken.tactus"), "not a recording at all".getBytes());
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("scapula-contact.tactus"));
        Files.write(lib.resolve("cut.tactus"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path db = dir.resolve("lib.duckdb");

        CliRun add = run("library", "add", lib.toString(), "--db", db.toString());
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("5 recordings, 5 analysed, 0 unchanged, 0 removed, 1 damaged, 1 unreadable"),
                add.out());
        assertTrue(add.err().contains("library: 5/5 files"), "progress on stderr: " + add.err());

        Map<String, JsonNode> all = list(db);
        assertEquals(5, all.size(), all.keySet().toString());
        assertEquals("unreadable", all.get("broken.tactus").get("status").asText());
        assertTrue(all.get("broken.tactus").get("problem").asText().contains("broken.tactus"),
                all.get("broken.tactus").toString());
        assertTrue(all.get("broken.tactus").get("scores").isNull());
        assertEquals("cut", all.get("cut.tactus").get("status").asText());
        assertTrue(all.get("cut.tactus").get("problem").asText().contains("not closed normally"),
                all.get("cut.tactus").toString());
        for (String ok : new String[] {"gentle-routine.tactus", "mistakes.tactus", "spine-contact.tactus"}) {
            JsonNode e = all.get(ok);
            assertEquals("ok", e.get("status").asText(), ok);
            CliRun a = run("analyze", e.get("path").asText(), "--json");
            assertEquals(JSON.readTree(a.out()).get("scores"), e.get("scores"), ok + ": library scores = analyze --json");
        }
        assertEquals("trainee-04", all.get("mistakes.tactus").get("trainee").asText());

        // the text listing shows the broken file with its problem too
        CliRun text = run("library", "list", "--db", db.toString());
        assertTrue(text.out().contains("unreadable: ") && text.out().contains("5 sessions"), text.out());

        // filters
        assertEquals(2, list(db, "--trainee", "trainee-04").size(), "mistakes and the cut scapula-contact");
        assertEquals(0, list(db, "--from", "2100-01-01").size());

        // nothing changed: nothing analysed
        CliRun again = run("library", "add", lib.toString(), "--db", db.toString());
        assertTrue(again.out().contains("5 recordings, 0 analysed, 5 unchanged"), again.out());

        // touched but the same bytes: the hash says unchanged
        Files.setLastModifiedTime(lib.resolve("spine-contact.tactus"), FileTime.fromMillis(1_000_000_000_000L));
        CliRun touched = run("library", "refresh", "--db", db.toString());
        assertTrue(touched.out().contains("5 recordings, 0 analysed, 5 unchanged"), touched.out());

        // new content under the same name: analysed again, new scores
        Files.copy(SAMPLES.resolve("shoulder-overpressure.tactus"), lib.resolve("spine-contact.tactus"),
                StandardCopyOption.REPLACE_EXISTING);
        CliRun changed = run("library", "refresh", "--db", db.toString());
        assertTrue(changed.out().contains("5 recordings, 1 analysed, 4 unchanged"), changed.out());
        JsonNode replaced = list(db).get("spine-contact.tactus");
        assertEquals(0, replaced.get("scores").get("spine_contacts").asInt());
        assertTrue(replaced.get("scores").get("excess_s").asDouble() > 0, replaced.toString());

        // a removed file leaves the library
        Files.delete(lib.resolve("broken.tactus"));
        CliRun removed = run("library", "refresh", "--db", db.toString());
        assertTrue(removed.out().contains("4 recordings, 0 analysed, 4 unchanged, 1 removed"), removed.out());
        assertEquals(4, list(db).size());

        // progress for a trainee: one page with the table and charts
        CliRun p = run("progress", "--trainee", "trainee-04", "--out", dir.resolve("out").toString(), "--db",
                db.toString());
        assertEquals(0, p.code(), p.err());
        String html = Files.readString(Path.of(p.out().trim()));
        assertTrue(html.contains("data-key=\"sessions\">2<"), "two sessions of trainee-04");
        assertTrue(html.contains("cut: not closed normally"), "the cut one is listed with its problem");
        assertTrue(html.contains("data-key=\"spine_contacts_per_min\""), html.substring(0, 300));
        assertTrue(html.contains("<svg"), "charts are inline SVG");
        assertNotNull(html);
        assertEquals(1, run("progress", "--trainee", "nobody", "--out", dir.toString(), "--db", db.toString()).code());
    }

    @Test
    void missingFolderIsOneLineAndRegistersNothing() {
        Path db = dir.resolve("lib.duckdb");
        CliRun r = run("library", "add", dir.resolve("nope").toString(), "--db", db.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("tactus: no such folder"), r.err());
        assertEquals(1, r.err().trim().lines().count(), r.err());
    }
}
