package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.ExternalTool;
import io.tactus.signal.FrameSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Matrix;

class MatExporterTest {

    /** scipy's loadmat is the independent reader: pressure back to (frame, row, col) order, cells as lists. */
    private static final String READER = """
            import sys, json, numpy as np, scipy.io as sio
            m = sio.loadmat(sys.argv[1], simplify_cells=True)
            out = {}
            blocks = sorted(k for k in m if k.startswith('pressure_kpa'))
            p = np.concatenate([np.atleast_3d(m[k]) for k in blocks], axis=2)
            out['blocks'] = blocks
            out['pressure_dtype'] = str(m[blocks[0]].dtype)
            out['pressure'] = np.transpose(p, (2, 0, 1)).astype(float).tolist()
            out['time_s'] = np.atleast_1d(m['time_s']).tolist()
            out['frame_index'] = np.atleast_1d(m['frame_index']).tolist()
            out['summary_shape'] = list(np.shape(m['summary']))
            out['summary_columns'] = list(m['summary_columns'])
            out['summary'] = np.asarray(m['summary']).tolist()
            ev = m['events']
            out['events'] = {k: np.atleast_1d(ev[k]).tolist() for k in ev}
            an = m['annotations']
            out['annotations'] = {k: np.atleast_1d(an[k]).tolist() for k in an}
            meta = m['meta']
            out['meta'] = {k: (meta[k].item() if hasattr(meta[k], 'item') else meta[k]) for k in meta}
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    @Tag("native")
    @Test
    void scipyReadsPressureSummaryEventsAndMeta() throws Exception {
        ExternalTool.requirePython("numpy", "scipy.io");
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 40);
        List<FrameSnapshot> expected = src.snapshots();
        ExportResult res = new MatExporter().export(src, dir, "m1", ExportOptions.DEFAULT, null, null);
        assertEquals(List.of(dir.resolve("m1.mat")), res.files());
        assertEquals(1, src.passes(), "one pass, although the source did not announce its frame count");

        JsonNode r = PythonReader.run(dir, List.of("numpy", "scipy.io"), READER, dir.resolve("m1.mat").toString());
        assertEquals("float32", r.get("pressure_dtype").asText());
        assertEquals(1, r.get("blocks").size());
        assertPressure(expected, r.get("pressure"), 6, 5);
        assertEquals(40, r.get("time_s").size());
        assertEquals(0.0, r.get("time_s").get(0).asDouble());
        assertEquals(0.39, r.get("time_s").get(39).asDouble(), 1e-9);
        assertEquals(expected.get(7).index(), r.get("frame_index").get(7).asLong());
        int k = SummaryColumns.ALL.size();
        assertEquals(List.of(40, k), List.of(r.get("summary_shape").get(0).asInt(), r.get("summary_shape").get(1)
                .asInt()));
        int force = indexOf(r.get("summary_columns"), "total_force_n");
        for (int i = 0; i < 40; i++) {
            assertEquals(expected.get(i).totalForceN(), r.get("summary").get(i).get(force).asDouble(), 1e-9);
        }
        JsonNode ev = r.get("events");
        assertEquals("spine_contact", ev.get("type").get(0).asText());
        assertEquals(0.02, ev.get("start_s").get(0).asDouble(), 1e-9);
        assertTrue(Double.isNaN(ev.get("end_s").get(1).asDouble()), "open event");
        assertEquals("shoulder_l", ev.get("region").get(1).asText());
        assertEquals("good, \"slower\"\nnow", r.get("annotations").get("text").get(0).asText());
        JsonNode meta = r.get("meta");
        assertEquals(6, meta.get("rows").asInt());
        assertEquals(12.5, meta.get("row_pitch_mm").asDouble());
        assertEquals("2026-03-01T10:15:30Z", meta.get("start_time_utc").asText());
        JsonNode json = new ObjectMapper().readTree(meta.get("metadata_json").asText());
        assertEquals(40, json.at("/session/frames").asLong());
    }

    @Tag("native")
    @Test
    void splitsPressureIntoBlocksOverTheVariableLimit() throws Exception {
        ExternalTool.requirePython("numpy", "scipy.io");
        SyntheticExportSource src = SyntheticExportSource.small(4, 3, 25);
        List<FrameSnapshot> expected = src.snapshots();
        // 12 cells * 4 bytes = 48 bytes per frame: a 1,400-byte limit gives blocks of 8 frames.
        new MatExporter(1024 + 8 * 48 + 20).export(src, dir, "blk", ExportOptions.DEFAULT, null, null);
        assertEquals(1, src.passes());

        JsonNode r = PythonReader.run(dir, List.of("numpy", "scipy.io"), READER, dir.resolve("blk.mat").toString());
        assertEquals(4, r.get("blocks").size());
        assertEquals("pressure_kpa", r.get("blocks").get(0).asText());
        assertEquals("pressure_kpa_004", r.get("blocks").get(3).asText());
        assertPressure(expected, r.get("pressure"), 4, 3);
    }

    @Test
    void mflReadsItBackToo() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(3, 4, 10);
        List<FrameSnapshot> expected = src.snapshots();
        new MatExporter().export(src, dir, "m2", ExportOptions.DEFAULT.withAnonymize(true), null, null);
        try (Mat5File f = Mat5.readFromFile(dir.resolve("m2.mat").toFile())) {
            Matrix p = f.getMatrix("pressure_kpa");
            assertEquals(List.of(3, 4, 10), List.of(p.getDimensions()[0], p.getDimensions()[1],
                    p.getDimensions()[2]));
            assertEquals(expected.get(9).kpa()[2 * 4 + 3], p.getFloat(new int[] {2, 3, 9}));
            String json = f.getStruct("meta").getChar("metadata_json").getString();
            assertFalse(json.contains("Anna"));
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                "scratch files are removed");
    }

    static void assertPressure(List<FrameSnapshot> expected, JsonNode frames, int rows, int cols) {
        assertEquals(expected.size(), frames.size());
        for (int i = 0; i < expected.size(); i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    assertEquals(expected.get(i).kpa()[r * cols + c], frames.get(i).get(r).get(c).floatValue(),
                            "frame " + i + " r" + r + " c" + c);
                }
            }
        }
    }

    private static int indexOf(JsonNode arr, String s) {
        for (int i = 0; i < arr.size(); i++) {
            if (s.equals(arr.get(i).asText())) {
                return i;
            }
        }
        throw new AssertionError("missing " + s);
    }
}
