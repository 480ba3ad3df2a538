package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.ExternalTool;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tactus cohort`: one row per session (or per event) for every file including an unreadable one, values equal to
 * `analyze --json`, and Parquet read back by an independent reader (hyparquet, a JavaScript implementation, run
 * with node; installed by .ci/run).
 */
class CohortCommandTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));
    private static final Path NODE_MODULES = Path.of(System.getProperty("tactus.nodeModules", ".ci/node/node_modules"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FILES = {"gentle-routine", "mistakes", "glove"};

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path folder() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        for (String f : FILES) {
            Files.copy(SAMPLES.resolve(f + ".tactus"), in.resolve(f + ".tactus"));
        }
        Files.write(in.resolve("unreadable.tactus"), new byte[] {'T', 'A', 'C', 0, 0, 0});
        return in;
    }

    private static Map<String, CSVRecord> byFile(Path csv) throws Exception {
        Map<String, CSVRecord> m = new HashMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                m.put(rec.get("file_name"), rec);
            }
        }
        return m;
    }

    @Test
    void oneRowPerSessionWithTheNumbersOfAnalyzeJson() throws Exception {
        Path in = folder();
        Path csv = dir.resolve("cohort.csv");
        CliRun r = run("cohort", in.toString(), "--out", csv.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cohort: 4/4 files"), "progress on stderr: " + r.err());
        assertTrue(r.err().contains("4 rows, 4 recordings (0 damaged, 1 unreadable)"), r.err());
        Map<String, CSVRecord> rows = byFile(csv);
        assertEquals(4, rows.size());
        CSVRecord bad = rows.get("unreadable.tactus");
        assertEquals("unreadable", bad.get("status"));
        assertTrue(bad.get("problem").contains("unreadable.tactus"), bad.get("problem"));
        for (String f : FILES) {
            CSVRecord row = rows.get(f + ".tactus");
            assertEquals("ok", row.get("status"), f);
            assertEquals(64, row.get("sha256").length(), f);
            JsonNode a = JSON.readTree(run("analyze", SAMPLES.resolve(f + ".tactus").toString(), "--json").out());
            a.get("scores").fields().forEachRemaining(e -> {
                String cell = row.get(e.getKey());
                if (e.getValue().isNull()) {
                    assertEquals("", cell, f + " " + e.getKey());
                } else {
                    assertEquals(e.getValue().asDouble(), Double.parseDouble(cell), 1e-9, f + " " + e.getKey());
                }
            });
            for (JsonNode g : a.get("regions")) {
                String id = g.get("region").asText();
                for (String stat : List.of("time_touched_s", "time_below_s", "time_within_s", "time_above_s",
                        "pti_kpa_s", "impulse_ns", "peak_kpa")) {
                    assertEquals(g.get(stat).asDouble(), Double.parseDouble(row.get(id + "_" + stat)), 1e-9,
                            f + " " + id + "_" + stat);
                }
            }
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".part")));
    }

    @Test
    void eventsTableHasOneRowPerEventAndKeepsEveryFile() throws Exception {
        Path in = folder();
        Path csv = dir.resolve("events.csv");
        CliRun r = run("cohort", in.toString(), "--out", csv.toString(), "--events", "--quiet");
        assertEquals(0, r.code(), r.err());
        int expected = 1; // the unreadable file's row
        for (String f : FILES) {
            int n = JSON.readTree(run("analyze", SAMPLES.resolve(f + ".tactus").toString(), "--json").out())
                    .get("events").size();
            expected += Math.max(1, n);
        }
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader rd = Files.newBufferedReader(csv)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(rd).forEach(rows::add);
        }
        assertEquals(expected, rows.size());
        assertTrue(rows.stream().anyMatch(x -> x.get("type").equals("spine_contact")
                && x.get("file_name").equals("mistakes.tactus") && x.get("trainee").equals("trainee-04")));
        assertTrue(rows.stream().anyMatch(x -> x.get("status").equals("unreadable") && x.get("type").isEmpty()));
    }

    @Tag("native")
    @Test
    void parquetIsReadByAnIndependentReader() throws Exception {
        Path in = folder();
        Path parquet = dir.resolve("cohort.parquet");
        Path csv = dir.resolve("cohort.csv");
        assertEquals(0, run("cohort", in.toString(), "--out", parquet.toString(), "--quiet").code());
        assertEquals(0, run("cohort", in.toString(), "--out", csv.toString(), "--quiet").code());
        assertTrue(new String(Files.readAllBytes(parquet), StandardCharsets.ISO_8859_1).startsWith("PAR1"));
        ExternalTool.require("node");
        Path hyparquet = NODE_MODULES.resolve("hyparquet/src/node.js").toAbsolutePath();
        assumeTrue(Files.exists(hyparquet), "needs node + the npm package hyparquet in " + NODE_MODULES
                + " (.ci/run installs it: npm install --prefix .ci/node hyparquet@1.33.0)");
        Path script = dir.resolve("read.mjs");
        Files.writeString(script, String.join("\n",
                "const { asyncBufferFromFile, parquetReadObjects } = await import('" + hyparquet.toUri() + "');",
                "const rows = await parquetReadObjects({ file: await asyncBufferFromFile(process.argv[2]) });",
                "console.log(JSON.stringify(rows, (k, v) => typeof v === 'bigint' ? Number(v) : v));"));
        Process p = new ProcessBuilder("node", script.toString(), parquet.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node finished");
        assertEquals(0, p.exitValue(), out);
        JsonNode rows = JSON.readTree(out);
        Map<String, CSVRecord> expected = byFile(csv);
        assertEquals(expected.size(), rows.size());
        int compared = 0;
        for (JsonNode row : rows) {
            CSVRecord e = expected.get(row.get("file_name").asText());
            for (String col : e.getParser().getHeaderNames()) {
                if (col.equals("indexed_utc")) {
                    continue; // two runs, two times
                }
                JsonNode v = row.get(col);
                String want = e.get(col);
                if (v == null || v.isNull()) {
                    assertEquals("", want, col);
                } else if (v.isNumber()) {
                    assertEquals(Double.parseDouble(want), v.asDouble(), 1e-9, row.get("file_name") + " " + col);
                } else {
                    assertEquals(want, v.asText(), col);
                }
                compared++;
            }
        }
        assertTrue(compared > 4 * 100, "compared " + compared + " cells");
    }
}
