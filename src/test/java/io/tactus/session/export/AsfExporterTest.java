package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.FrameSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsfExporterTest {

    @TempDir
    Path dir;

    @Test
    void pressuReLoadTekscanReadsFramesSpacingAndRate() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 25);
        List<FrameSnapshot> expected = src.snapshots();
        new AsfExporter().export(src, dir, "lesson.1", ExportOptions.DEFAULT, null, null);

        Path asf = dir.resolve("lesson_1.asf");
        assertTrue(Files.exists(asf), "dots in the base name are replaced: pressuRe takes the first dot");
        PressuReTekscanReader.Result r = PressuReTekscanReader.load(asf);
        assertEquals(25, r.pressure().length);
        assertEquals(6, r.rows());
        assertEquals(5, r.pressure()[0][0].length);
        assertEquals(0.0125, r.sensSizeMeters()[0], 1e-12, "ROW_SPACING = row pitch 12.5 mm, in metres");
        assertEquals(0.0100, r.sensSizeMeters()[1], 1e-12, "COL_SPACING = column pitch 10 mm");
        assertEquals(0.01, r.secondsPerFrame(), 1e-12);
        for (int f = 0; f < 25; f++) {
            for (int row = 0; row < 6; row++) {
                for (int c = 0; c < 5; c++) {
                    assertEquals(expected.get(f).kpa()[row * 5 + c], r.pressure()[f][row][c], 0.0006);
                }
            }
        }
    }

    @Test
    void headerHasTheTekscanKeysAndCrlfLines() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(3, 4, 3);
        new AsfExporter().export(src, dir, "h", ExportOptions.DEFAULT, null, null);
        String text = Files.readString(dir.resolve("h.asf"), StandardCharsets.US_ASCII);
        for (String key : List.of("ROWS 3", "COLS 4", "ROW_SPACING 1.250000 centimeters",
                "COL_SPACING 1.000000 centimeters", "SENSEL_AREA 1.250000 cm2", "UNITS kPa",
                "SECONDS_PER_FRAME 0.010000", "START_FRAME 1", "END_FRAME 3" + " ".repeat(11), "ASCII_DATA @@")) {
            assertTrue(text.contains(key + "\r\n"), key);
        }
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        assertTrue(text.contains("ASCII_DATA @@\r\n\r\nFrame 1\r\n"));
        assertTrue(text.endsWith("\r\n\r\n"), "a blank line closes every frame block");
        // footPress/tassos-style readers: one "Frame N" per frame, numbered from START_FRAME
        Matcher m = Pattern.compile("\nFrame (\\d+)\r\n").matcher(text);
        int n = 0;
        while (m.find()) {
            assertEquals(++n, Integer.parseInt(m.group(1)));
        }
        assertEquals(3, n);
        assertTrue(Files.exists(dir.resolve("h.asf.json")));
        assertEquals(1, src.passes(), "one pass: END_FRAME is filled in at the end");
        Matcher end = Pattern.compile("END_FRAME (\\d*)").matcher(text); // footPress's and tassos' reading
        assertTrue(end.find());
        assertEquals("3", end.group(1));
    }

    @Test
    void hostileHeaderTextCannotBreakTheFrameStructure() throws Exception {
        SyntheticExportSource base = SyntheticExportSource.small(3, 3, 4);
        var d = base.metadata().descriptor();
        var evil = new io.tactus.protocol.DeviceDescriptor(d.protocol(), "Frame 9 ROW_SPACING 2.5 mm\r\nX", null,
                d.firmware(), d.layout(), d.rows(), d.cols(), d.pitchMm(), d.adcBits(), d.rateHz(), null,
                d.calibration());
        ExportMetadata m = new ExportMetadata(evil, null, null, null, Instant.parse("2026-01-02T03:04:05Z"), null,
                null, null);
        SyntheticExportSource src = new SyntheticExportSource(m, 4, List.of(), List.of(), false);
        new AsfExporter().export(src, dir, "evil", ExportOptions.DEFAULT, null, null);
        PressuReTekscanReader.Result r = PressuReTekscanReader.load(dir.resolve("evil.asf"));
        assertEquals(4, r.pressure().length);
        assertEquals(3, r.rows());
    }

    @Test
    void aOneFrameSessionIsWrittenButPressuReCannotSizeIt() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(3, 3, 1);
        new AsfExporter().export(src, dir, "one", ExportOptions.DEFAULT, null, null);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> PressuReTekscanReader.load(dir.resolve("one.asf")));
        assertTrue(e.getMessage().contains("two 'Frame' lines"));
    }
}
