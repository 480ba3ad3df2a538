package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.report.Fmt;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tactus report` on every sample recording: the numbers the report shows are those of `analyze --json` (scores,
 * every flag, every region row, movements), the HTML is self-contained, and the PDF opens and says the same.
 */
class ReportCommandTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEYED = Pattern.compile("data-key=\"([a-z_.]+)\">([^<]*)<");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** data-key values inside a piece of HTML, in document order (keys repeat across rows). */
    private static Map<String, String> keyed(String html) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher k = KEYED.matcher(html);
        while (k.find()) {
            m.putIfAbsent(k.group(1), k.group(2).trim());
        }
        return m;
    }

    /** The HTML of each table row carrying {@code attr="..."}, in order. */
    private static List<String> rows(String html, String attr) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"row\" " + attr + "=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2));
        }
        return out;
    }

    private static Double num(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    @Test
    void everySampleReportShowsTheNumbersOfAnalyzeJson() throws Exception {
        String[] samples = {"gentle-routine", "spine-contact", "shoulder-overpressure", "scapula-contact", "mistakes",
            "glove"};
        for (String s : samples) {
            Path f = SAMPLES.resolve(s + ".tactus");
            CliRun a = run("analyze", f.toString(), "--json");
            assertEquals(0, a.code(), a.err());
            JsonNode j = JSON.readTree(a.out());
            CliRun r = run("report", f.toString(), "--out", dir.toString());
            assertEquals(0, r.code(), s + ": " + r.err());
            Path html = dir.resolve(s + ".html");
            assertEquals(html.toString(), r.out().trim());
            String h = Files.readString(html);

            // self-contained: no external stylesheet, script or image
            assertFalse(h.contains("<link"), s);
            assertFalse(h.contains("<script"), s);
            assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(h).find(), s + ": external reference");

            Map<String, String> top = keyed(h);
            JsonNode sc = j.get("scores");
            JsonNode mt = j.get("metrics");
            assertEquals(sc.get("spine_contacts").asText(), top.get("scores.spine_contacts"), s);
            assertEquals(mt.get("flag_counts").path("spine_contact").asInt(0), sc.get("spine_contacts").asInt(), s);
            assertEquals(sc.get("bone_contacts").asText(), top.get("scores.bone_contacts"), s);
            assertEquals(Fmt.d1(mt.get("flag_seconds").path("excess_pressure").asDouble(0)), top.get("scores.excess_s"), s);
            assertEquals(Fmt.pct(num(sc.get("time_in_band"))), top.get("scores.time_in_band"), s);
            assertEquals(Fmt.pct(num(mt.get("left_right_balance"))), top.get("scores.left_share"), s);
            assertEquals(Fmt.d1(num(mt.get("duration_s"))), top.get("scores.duration_s"), s);
            assertEquals(j.get("profile").asText(), top.get("profile"), s);

            // every flag, in order, with its time and peak
            List<String> flags = rows(h, "data-flag");
            assertEquals(j.get("events").size(), flags.size(), s);
            for (int i = 0; i < flags.size(); i++) {
                JsonNode ev = j.get("events").get(i);
                assertTrue(flags.get(i).startsWith(ev.get("type").asText() + "|"), s + " flag " + i);
                Map<String, String> row = keyed(flags.get(i));
                assertEquals(Fmt.d2(num(ev.get("start_s"))), row.get("start_s"), s + " flag " + i);
                assertEquals(Fmt.d1(num(ev.get("peak_kpa"))), row.get("peak_kpa"), s + " flag " + i);
                if (!"marker".equals(ev.get("type").asText())) {
                    assertTrue(flags.get(i).contains("<svg"), s + " flag " + i + " has a thumbnail");
                }
                if (ev.hasNonNull("region")) {
                    // one name per thing: the report shows the body map's display name, the id stays an attribute
                    String id = ev.get("region").asText();
                    String name = BodyMap.defaultMap().displayName(BodyRegion.fromId(id));
                    assertTrue(flags.get(i).contains("data-region-id=\"" + id + "\">" + name + "</td>"),
                            s + " flag " + i + " names " + id + " as " + name);
                }
            }

            // every region row
            Map<String, JsonNode> regions = new LinkedHashMap<>();
            j.get("regions").forEach(g -> regions.put(g.get("region").asText(), g));
            List<String> regionRows = rows(h, "data-region");
            assertEquals(regions.size(), regionRows.size(), s);
            for (String rowHtml : regionRows) {
                String id = rowHtml.substring(0, rowHtml.indexOf('|'));
                Map<String, String> row = keyed(rowHtml);
                JsonNode g = regions.get(id);
                assertNotNull(g, id);
                assertEquals(Fmt.d1(num(g.get("peak_kpa"))), row.get("peak_kpa"), s + " " + id);
                assertEquals(Fmt.d0(num(g.get("pti_kpa_s"))), row.get("pti_kpa_s"), s + " " + id);
                assertEquals(Fmt.d1(num(g.get("time_touched_s"))), row.get("time_touched_s"), s + " " + id);
                if (id.startsWith("shoulder") || id.startsWith("thoracic") || id.startsWith("lumbar")) {
                    assertEquals(Fmt.d1(num(g.get("time_within_s"))), row.get("time_within_s"), s + " " + id);
                } else {
                    assertEquals(Fmt.NONE, row.get("time_within_s"), s + " " + id + ": no band for spine and bones");
                }
            }

            // movements
            JsonNode mv = j.get("session_metrics").get("movement");
            for (String k : List.of("strokes_up", "strokes_down", "circles_clockwise", "holds")) {
                assertEquals(mv.get(k).asText(), top.get("movement." + k), s + " " + k);
            }

            // the guided routine's steps by the titles the app's routine panel shows, not their ids
            if ("gentle-routine".equals(s)) {
                assertTrue(h.contains("<td>Back massage basics (guided): Palm circles</td><td class=\"num\""
                        + " data-key=\"technique.step.palm_circles\">"), s + ": step titles");
            }

            // what to work on next: safety first when there was a safety flag
            String next = h.substring(h.indexOf("<ol class=\"next\">"), h.indexOf("</ol>"));
            if (sc.get("spine_contacts").asInt() > 0) {
                assertTrue(next.indexOf("<li>") == next.indexOf("<li>Keep off the spine"), s + ": " + next);
            } else if (sc.get("bone_contacts").asInt() + sc.get("excess_events").asInt() == 0) {
                assertFalse(next.contains("spine") || next.contains("gently"), s + ": " + next);
            }
        }
    }

    @Test
    void pdfOpensAndCarriesTheScores() throws Exception {
        Path f = SAMPLES.resolve("mistakes.tactus");
        CliRun r = run("report", f.toString(), "--out", dir.toString(), "--format", "pdf");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mistakes.pdf") && r.out().contains("mistakes.html"), r.out());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("mistakes.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 2, "pages " + pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Session report"), text);
            assertTrue(text.contains("trainee-04"), text);
            assertTrue(text.contains("Keep off the spine: 2 contacts"), text);
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no part files left");
    }

    @Test
    void badInputIsOneLineAndOtherFilesStillGetTheirReport() throws Exception {
        Path junk = dir.resolve("junk.tactus");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        Path out = dir.resolve("out");
        CliRun r = run("report", junk.toString(), SAMPLES.resolve("spine-contact.tactus").toString(), "--out",
                out.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().trim().lines().count(), r.err());
        assertTrue(r.err().contains("junk.tactus"), r.err());
        assertTrue(Files.exists(out.resolve("spine-contact.html")));
        assertFalse(Files.exists(out.resolve("junk.html")));
        assertEquals(2, run("report", junk.toString(), "--out", out.toString(), "--format", "docx").code());
        assertEquals(2, run("report", junk.toString(), "--out", out.toString(), "--profile", "nope").code());
    }
}
