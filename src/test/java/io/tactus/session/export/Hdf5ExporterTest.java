package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.ExternalTool;
import io.jhdf.HdfFile;
import io.tactus.signal.FrameSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5ExporterTest {

    /** h5py (libhdf5, the HDF Group's C library) is the independent reader when installed. */
    private static final String READER = """
            import sys, json, numpy as np, h5py
            with h5py.File(sys.argv[1], 'r') as f:
                out = {
                    'pressure_shape': list(f['pressure_kpa'].shape),
                    'pressure_dtype': str(f['pressure_kpa'].dtype),
                    'pressure': f['pressure_kpa'][...].astype(float).tolist(),
                    'time_s': f['time_s'][...].tolist(),
                    'frame_index': f['frame_index'][...].tolist(),
                    'force': f['summary/total_force_n'][...].tolist(),
                    'force_unit': f['summary/total_force_n'].attrs['unit'].decode() if isinstance(
                        f['summary/total_force_n'].attrs['unit'], bytes) else str(f['summary/total_force_n'].attrs['unit']),
                    'event_types': [t.decode() if isinstance(t, bytes) else str(t) for t in f['events/type'][...]],
                    'rows': int(f.attrs['rows']),
                }
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    @Test
    void jhdfReadsBackEveryDataset() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 300);
        List<FrameSnapshot> expected = src.snapshots();
        ExportResult res = new Hdf5Exporter().export(src, dir, "h1", ExportOptions.DEFAULT, null, null);
        assertEquals(300, res.frames());
        assertEquals(1, src.passes(), "one pass: the frames are written during it, the structure after it");

        try (HdfFile f = new HdfFile(dir.resolve("h1.h5"))) {
            assertArrayEquals(new int[] {300, 6, 5}, f.getDatasetByPath("pressure_kpa").getDimensions());
            float[][][] p = (float[][][]) f.getDatasetByPath("pressure_kpa").getData();
            double[] t = (double[]) f.getDatasetByPath("time_s").getData();
            long[] idx = (long[]) f.getDatasetByPath("frame_index").getData();
            double[] force = (double[]) f.getDatasetByPath("summary/total_force_n").getData();
            double[] copX = (double[]) f.getDatasetByPath("summary/cop_x_mm").getData();
            for (int i = 0; i < 300; i++) {
                FrameSnapshot e = expected.get(i);
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 5; c++) {
                        assertEquals(e.kpa()[r * 5 + c], p[i][r][c], "frame " + i);
                    }
                }
                assertEquals((e.deviceTimeUs() - expected.get(0).deviceTimeUs()) / 1e6, t[i], 1e-12);
                assertEquals(e.index(), idx[i]);
                assertEquals(e.totalForceN(), force[i]);
                assertEquals(e.copXmm(), copX[i], 0.0);
            }
            assertEquals("N", f.getDatasetByPath("summary/total_force_n").getAttribute("unit").getData());
            assertArrayEquals(new String[] {"spine_contact", "excess_pressure"},
                    (String[]) f.getDatasetByPath("events/type").getData());
            double[] end = (double[]) f.getDatasetByPath("events/end_s").getData();
            assertEquals(0.09, end[0], 1e-9);
            assertTrue(Double.isNaN(end[1]));
            assertArrayEquals(new String[] {"good, \"slower\"\nnow", "Anna: relax the wrist"},
                    (String[]) f.getDatasetByPath("annotations/text").getData());
            assertEquals(6, f.getAttribute("rows").getData());
            JsonNode meta = new ObjectMapper().readTree((String) f.getAttribute("metadata_json").getData());
            assertEquals(300, meta.at("/session/frames").asLong());
            assertEquals(2.99, meta.at("/session/duration_s").asDouble(), 1e-9);
        }
    }

    @Test
    void coalescedWritesGiveTheSameBytesAsJhdfAlone() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(5, 7, 120);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        new Hdf5Exporter(true).export(src, a, "x", ExportOptions.DEFAULT, null, null);
        new Hdf5Exporter(false).export(src, b, "x", ExportOptions.DEFAULT, null, null);
        assertArrayEquals(java.nio.file.Files.readAllBytes(b.resolve("x.h5")),
                java.nio.file.Files.readAllBytes(a.resolve("x.h5")));
        try (io.jhdf.WritableHdfFile f = HdfFile.write(dir.resolve("probe.h5"))) {
            assertTrue(Hdf5Exporter.coalesce(f), "jhdf's private fields moved: the optimisation is off (see "
                    + "Hdf5Exporter.coalesce) - check the new jhdf version");
            f.putDataset("d", new float[][][] {{{1f, 2f}, {3f, 4f}}});
        }
        try (HdfFile r = new HdfFile(dir.resolve("probe.h5"))) {
            assertEquals(4f, ((float[][][]) r.getDatasetByPath("d").getData())[0][1][1]);
        }
    }

    @Test
    void framesMoveUpWhenTheStructureOutgrowsTheRoomLeftForIt() throws Exception {
        SyntheticExportSource src = SyntheticExportSource.small(6, 5, 400);
        new Hdf5Exporter(true).export(src, dir.resolve("room"), "x", ExportOptions.DEFAULT, null, null);
        new Hdf5Exporter(true, 0).export(src, dir.resolve("moved"), "x", ExportOptions.DEFAULT, null, null);
        try (HdfFile a = new HdfFile(dir.resolve("room/x.h5")); HdfFile b = new HdfFile(dir.resolve("moved/x.h5"))) {
            for (String path : List.of("pressure_kpa", "time_s", "frame_index", "summary/total_force_n",
                    "summary/cop_y_mm", "events/start_s", "annotations/text")) {
                Object x = a.getDatasetByPath(path).getData();
                Object y = b.getDatasetByPath(path).getData();
                assertTrue(java.util.Objects.deepEquals(x, y), path + " differs after the move");
            }
            assertEquals(400, ((float[][][]) b.getDatasetByPath("pressure_kpa").getData()).length);
        }
        assertTrue(java.nio.file.Files.size(dir.resolve("moved/x.h5"))
                < java.nio.file.Files.size(dir.resolve("room/x.h5")), "no room left: no gap");
    }

    @Test
    void noEventsOrAnnotationsLeavesTheGroupsOutWithACount() throws Exception {
        SyntheticExportSource base = SyntheticExportSource.small(3, 3, 5);
        SyntheticExportSource src = new SyntheticExportSource(base.metadata(), 5, List.of(), List.of(), false);
        new Hdf5Exporter().export(src, dir, "empty", ExportOptions.DEFAULT.withAnonymize(true), null, null);
        try (HdfFile f = new HdfFile(dir.resolve("empty.h5"))) {
            assertEquals(0, f.getAttribute("event_count").getData());
            assertEquals(0, f.getAttribute("annotation_count").getData());
            assertFalse(f.getChildren().containsKey("events"));
            assertFalse(((String) f.getAttribute("metadata_json").getData()).contains("SN-0042"));
        }
    }

    @Tag("native")
    @Test
    void h5pyReadsItWhenInstalled() throws Exception {
        // Without h5py jhdf's own reader (above) still checks the file.
        ExternalTool.requirePython("numpy", "h5py");
        SyntheticExportSource src = SyntheticExportSource.small(4, 7, 50);
        List<FrameSnapshot> expected = src.snapshots();
        new Hdf5Exporter().export(src, dir, "h2", ExportOptions.DEFAULT, null, null);
        JsonNode r = PythonReader.run(dir, List.of("numpy", "h5py"), READER, dir.resolve("h2.h5").toString());
        assertEquals(List.of(50, 4, 7), List.of(r.get("pressure_shape").get(0).asInt(),
                r.get("pressure_shape").get(1).asInt(), r.get("pressure_shape").get(2).asInt()));
        assertEquals("float32", r.get("pressure_dtype").asText());
        MatExporterTest.assertPressure(expected, r.get("pressure"), 4, 7);
        assertEquals(0.49, r.get("time_s").get(49).asDouble(), 1e-9);
        assertEquals(expected.get(3).totalForceN(), r.get("force").get(3).asDouble());
        assertEquals("N", r.get("force_unit").asText());
        assertEquals("spine_contact", r.get("event_types").get(0).asText());
        assertEquals(4, r.get("rows").asInt());
    }
}
