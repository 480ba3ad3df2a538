package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.signal.FrameSnapshot;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExporterTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(r)) {
            return parser.getRecords();
        }
    }

    @Test
    void widePressureAndSummaryMatchTheFrames() throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 40);
        List<FrameSnapshot> expected = src.snapshots();
        ExportResult res = new CsvExporter().export(src, dir, "s1", ExportOptions.DEFAULT, null, null);

        assertEquals(40, res.frames());
        assertEquals(5, res.files().size());
        List<CSVRecord> p = read(dir.resolve("s1_pressure.csv"));
        assertEquals(41, p.size());
        assertEquals(2 + 30, p.get(0).size());
        assertEquals("r00c00", p.get(0).get(2));
        assertEquals("r05c04", p.get(0).get(31));
        for (int i = 0; i < 40; i++) {
            CSVRecord rec = p.get(i + 1);
            FrameSnapshot f = expected.get(i);
            assertEquals(f.index(), Long.parseLong(rec.get(0)));
            assertEquals((f.deviceTimeUs() - expected.get(0).deviceTimeUs()) / 1e6, Double.parseDouble(rec.get(1)),
                    1e-9);
            for (int c = 0; c < 30; c++) {
                assertEquals(f.kpa()[c], Double.parseDouble(rec.get(2 + c)), 0.0006, "frame " + i + " cell " + c);
            }
        }
        assertEquals(0.0, Double.parseDouble(p.get(1).get(1)));

        List<CSVRecord> s = read(dir.resolve("s1_summary.csv"));
        assertEquals(41, s.size());
        int forceCol = s.get(0).toList().indexOf("total_force_n");
        int copCol = s.get(0).toList().indexOf("cop_x_mm");
        assertTrue(forceCol > 0 && copCol > 0);
        assertTrue(s.get(0).toList().contains("spine_peak_kpa"));
        for (int i = 0; i < 40; i++) {
            assertEquals(expected.get(i).totalForceN(), Double.parseDouble(s.get(i + 1).get(forceCol)), 1e-4);
            assertEquals(expected.get(i).copXmm(), Double.parseDouble(s.get(i + 1).get(copCol)), 1e-4);
        }
    }

    @Test
    void eventsAnnotationsAndSidecar() throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(4, 4, 30);
        new CsvExporter().export(src, dir, "s2", ExportOptions.DEFAULT, null, null);

        List<CSVRecord> ev = read(dir.resolve("s2_events.csv"));
        assertEquals(List.of("type", "start_s", "end_s", "duration_s", "region", "peak_kpa", "detail"),
                ev.get(0).toList());
        assertEquals("spine_contact", ev.get(1).get(0));
        assertEquals(0.02, Double.parseDouble(ev.get(1).get(1)), 1e-9);
        assertEquals(0.09, Double.parseDouble(ev.get(1).get(2)), 1e-9);
        assertEquals("spine", ev.get(1).get(4));
        assertEquals("NaN", ev.get(2).get(2), "an open event has no end");

        List<CSVRecord> notes = read(dir.resolve("s2_annotations.csv"));
        assertEquals("good, \"slower\"\nnow", notes.get(1).get(1), "quotes, commas and newlines survive");
        assertEquals(0.03, Double.parseDouble(notes.get(1).get(0)), 1e-9);

        JsonNode meta = new ObjectMapper().readTree(dir.resolve("s2.csv.json").toFile());
        assertEquals("2026-03-01T10:15:30Z", meta.at("/session/start_time_utc").asText());
        assertEquals(30, meta.at("/session/frames").asLong());
        assertEquals("T-17", meta.at("/session/trainee_pseudonym").asText());
        assertTrue(meta.at("/session/notes").asText().contains("Anna"));
        assertEquals("kPa (calibrated, tared, filtered by the signal core)", meta.at("/units/pressure").asText());
        assertEquals(4, meta.at("/grid/rows").asInt());
        assertEquals("SN-0042", meta.at("/device/serial").asText());
        JsonNode cols = meta.at("/files/s2_summary.csv/columns");
        assertTrue(cols.size() > 10);
        assertEquals("N", findColumn(cols, "total_force_n").get("unit").asText());
        // one name per thing: the region names the app, analyze and the reports show, next to the ids
        assertEquals("Lower back (left)", meta.at("/regions/lumbar_l").asText());
        assertEquals(12, meta.at("/regions").size());
        assertEquals("force on Lower back (left) (lumbar_l)",
                findColumn(cols, "lumbar_l_force_n").get("description").asText());
    }

    @Test
    void anonymisedExportKeepsPseudonymsOnlyAndShiftsTheStart() throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(4, 4, 20);
        ExportOptions o = ExportOptions.DEFAULT.withAnonymize(true).withStartTimeShift(Duration.ofDays(-3));
        new CsvExporter().export(src, dir, "anon", o, null, null);

        String all = Files.readString(dir.resolve("anon.csv.json")) + Files.readString(dir.resolve("anon_annotations.csv"))
                + Files.readString(dir.resolve("anon_events.csv"));
        assertFalse(all.contains("Anna"), "free-text names are gone");
        assertFalse(all.contains("SN-0042"), "device serial is gone");
        assertFalse(all.contains("/home/"), "source path is gone");
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("anon.csv.json").toFile());
        assertEquals("2026-02-26T10:15:30Z", meta.at("/session/start_time_utc").asText());
        assertTrue(meta.at("/session/anonymized").asBoolean());
        assertTrue(meta.at("/session/start_time_shifted").asBoolean());
        assertEquals("R-03", meta.at("/session/receiver_pseudonym").asText());
        List<CSVRecord> notes = read(dir.resolve("anon_annotations.csv"));
        assertEquals(3, notes.size(), "annotation times stay");
        assertEquals("", notes.get(1).get(1));

        new CsvExporter().export(src, dir, "anon2", o.withKeepAnnotationText(true), null, null);
        assertTrue(Files.readString(dir.resolve("anon2_annotations.csv")).contains("relax the wrist"));
    }

    @Test
    void longFormListsNonZeroCellsOnly() throws IOException {
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 12);
        List<FrameSnapshot> expected = src.snapshots();
        new CsvExporter().export(src, dir, "lf", ExportOptions.DEFAULT.withLongForm(true), null, null);

        assertFalse(Files.exists(dir.resolve("lf_pressure.csv")));
        List<CSVRecord> rows = read(dir.resolve("lf_pressure_long.csv"));
        assertEquals(List.of("frame", "time_s", "row", "col", "kpa"), rows.get(0).toList());
        long nonZero = 0;
        for (FrameSnapshot f : expected) {
            for (float v : f.kpa()) {
                nonZero += v != 0f ? 1 : 0;
            }
        }
        assertTrue(nonZero > 0);
        assertEquals(nonZero, rows.size() - 1);
        for (CSVRecord r : rows.subList(1, rows.size())) {
            FrameSnapshot f = expected.get((int) (Long.parseLong(r.get(0)) - expected.get(0).index()));
            int cell = Integer.parseInt(r.get(2)) * 5 + Integer.parseInt(r.get(3));
            assertEquals(f.kpa()[cell], Double.parseDouble(r.get(4)), 0.0006);
        }
    }

    private static JsonNode findColumn(JsonNode cols, String name) {
        for (JsonNode c : cols) {
            if (name.equals(c.get("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
