package io.tactus.session.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.flags.FlagEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV export: pressure (one column per cell, or tidy long form), per-frame summary, events, annotations, and a
 * JSON sidecar describing every column. RFC 4180 via commons-csv; one pass over the source.
 */
public final class CsvExporter implements Exporter {

    static final int PRESSURE_DECIMALS = 3;
    static final int TIME_DECIMALS = 6;
    static final int SUMMARY_DECIMALS = 4;
    private static final int WRITE_BUFFER = 1 << 16;
    /** CSVFormat.DEFAULT's record separator (RFC 4180). */
    private static final String RECORD_END = "\r\n";

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public ExportResult export(ExportSource source, Path outDir, String baseName, ExportOptions options,
                               ProgressListener progress, CancelToken cancel) throws IOException {
        ExportView view = ExportView.of(source, options);
        ExportRun run = new ExportRun(source, progress, cancel, false, false);
        int rows = run.rows();
        int cols = run.cols();
        String pressureName = baseName + (options.longForm() ? "_pressure_long.csv" : "_pressure.csv");
        try (AtomicOutput out = new AtomicOutput(outDir, options)) {
            Path pressurePath = out.file(pressureName);
            Path summaryPath = out.file(baseName + "_summary.csv");
            Path eventsPath = out.file(baseName + "_events.csv");
            Path notesPath = out.file(baseName + "_annotations.csv");
            Path sidecarPath = out.file(baseName + ".csv.json");
            CSVFormat fmt = CSVFormat.DEFAULT;
            try (TextSink pressureOut = new TextSink(pressurePath);
                 TextSink summaryOut = new TextSink(summaryPath);
                 CSVPrinter pressure = new CSVPrinter(pressureOut, fmt);
                 CSVPrinter summary = new CSVPrinter(summaryOut, fmt)) {
                writePressureHeader(pressure, rows, cols, options.longForm());
                writeSummaryHeader(summary);
                StringBuilder sb = new StringBuilder(64);
                String[] rowLabel = labels(rows);
                String[] colLabel = labels(cols);
                run.writePass(f -> {
                    try {
                        double t = run.seconds(f.deviceTimeUs());
                        if (options.longForm()) {
                            writeLong(pressure, f, Num.format(t, TIME_DECIMALS), cols, rowLabel, colLabel, sb);
                        } else {
                            writeWide(pressureOut, f, t);
                        }
                        writeSummary(summary, summaryOut, f, t);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            run.checkCancel();
            writeEvents(eventsPath, source.events(), run);
            writeAnnotations(notesPath, view.annotations(), run);
            ObjectNode meta = MetadataJson.build(view, run, "csv");
            describeFiles(meta, pressureName, baseName, options.longForm(), rows, cols);
            MetadataJson.write(meta, sidecarPath);
            List<Path> files = out.commit();
            long frames = run.frameCount();
            run.finished(frames);
            return new ExportResult(files, frames, AtomicOutput.totalSize(files));
        }
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), WRITE_BUFFER);
    }

    /** Column names for cells: r00c00 .. with at least two digits so they sort naturally. */
    static String cellName(int r, int c, int rows, int cols) {
        int w = Math.max(2, String.valueOf(Math.max(rows, cols) - 1).length());
        return "r" + pad(r, w) + "c" + pad(c, w);
    }

    private static String pad(int v, int w) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, w - s.length())) + s;
    }

    private static String[] labels(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = Integer.toString(i);
        }
        return s;
    }

    private static void writePressureHeader(CSVPrinter p, int rows, int cols, boolean longForm) throws IOException {
        if (longForm) {
            p.printRecord("frame", "time_s", "row", "col", "kpa");
            return;
        }
        p.print("frame");
        p.print("time_s");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                p.print(cellName(r, c, rows, cols));
            }
        }
        p.println();
    }

    /**
     * Numeric rows bypass the printer's per-value quoting checks and go into the file's byte buffer as digits
     * (a 1,000-column row): digits, '.', '-' and "NaN" never need quoting, so the bytes are exactly what
     * commons-csv would write.
     */
    private static void writeWide(TextSink out, FrameSnapshot f, double t) throws IOException {
        float[] kpa = f.kpa();
        out.integer(f.index()).ascii(',').number(t, TIME_DECIMALS).commaNumbers(kpa, 0, kpa.length, PRESSURE_DECIMALS);
        out.append(RECORD_END);
    }

    private static void writeLong(CSVPrinter p, FrameSnapshot f, String t, int cols, String[] rowLabel,
                                  String[] colLabel, StringBuilder sb) throws IOException {
        float[] kpa = f.kpa();
        String frame = null;
        for (int i = 0; i < kpa.length; i++) {
            float v = kpa[i];
            if (v != 0f && !Float.isNaN(v)) {
                if (frame == null) {
                    frame = Long.toString(f.index());
                }
                sb.setLength(0);
                p.printRecord(frame, t, rowLabel[i / cols], colLabel[i % cols],
                        Num.append(sb, v, PRESSURE_DECIMALS).toString());
            }
        }
    }

    private static void writeSummaryHeader(CSVPrinter p) throws IOException {
        p.print("frame");
        p.print("time_s");
        p.print("device_time_us");
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            p.print(c.name());
        }
        p.print("active_flags");
        p.println();
    }

    /** Numbers straight into the file's buffer (as {@link #writeWide}), the flags text through the printer. */
    private static void writeSummary(CSVPrinter p, TextSink out, FrameSnapshot f, double t) throws IOException {
        out.integer(f.index()).ascii(',').number(t, TIME_DECIMALS).ascii(',').integer(f.deviceTimeUs());
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            out.ascii(',').number(c.value().applyAsDouble(f), SUMMARY_DECIMALS);
        }
        out.ascii(',');
        p.print(flags(f.activeFlags())); // text: through the printer, which quotes when needed
        p.println();
    }

    private static String flags(List<FlagEvent> active) {
        if (active == null || active.isEmpty()) {
            return "";
        }
        List<String> ids = new ArrayList<>(active.size());
        for (FlagEvent e : active) {
            ids.add(e.type().id() + (e.region() != null ? "@" + e.region().id() : ""));
        }
        return String.join(";", ids);
    }

    private static void writeEvents(Path path, List<FlagEvent> events, ExportRun run) throws IOException {
        try (CSVPrinter p = new CSVPrinter(writer(path), CSVFormat.DEFAULT)) {
            p.printRecord("type", "start_s", "end_s", "duration_s", "region", "peak_kpa", "detail");
            for (FlagEvent e : events == null ? List.<FlagEvent>of() : events) {
                double start = run.seconds(e.startUs());
                double end = e.isOpen() ? Double.NaN : run.seconds(e.endUs());
                p.printRecord(e.type().id(), Num.format(start, TIME_DECIMALS), Num.format(end, TIME_DECIMALS),
                        Num.format(end - start, TIME_DECIMALS), e.region() == null ? "" : e.region().id(),
                        Num.format(e.peakKpa(), SUMMARY_DECIMALS), e.detail() == null ? "" : e.detail());
            }
        }
    }

    private static void writeAnnotations(Path path, List<ExportAnnotation> notes, ExportRun run) throws IOException {
        try (CSVPrinter p = new CSVPrinter(writer(path), CSVFormat.DEFAULT)) {
            p.printRecord("time_s", "text");
            for (ExportAnnotation a : notes) {
                p.printRecord(Num.format(run.seconds(a.deviceTimeUs()), TIME_DECIMALS),
                        a.text() == null ? "" : a.text());
            }
        }
    }

    private static void describeFiles(ObjectNode meta, String pressureName, String base, boolean longForm, int rows,
                                      int cols) {
        ObjectNode files = meta.putObject("files");
        ObjectNode pf = files.putObject(pressureName);
        if (longForm) {
            pf.put("description", "calibrated pressure in tidy long form, one row per non-zero cell per frame");
            MetadataJson.addColumns(pf,
                    "frame", "", "frame index (packet sequence, unwrapped)",
                    "time_s", "s", "seconds from the first frame (device clock)",
                    "row", "", "cell row, 0 = head end",
                    "col", "", "cell column, 0 = the receiver's left",
                    "kpa", "kPa", "calibrated pressure; cells not listed are 0");
        } else {
            pf.put("description", "calibrated pressure, one row per frame, one column per cell");
            MetadataJson.addColumns(pf,
                    "frame", "", "frame index (packet sequence, unwrapped)",
                    "time_s", "s", "seconds from the first frame (device clock)",
                    cellName(0, 0, rows, cols) + ".." + cellName(rows - 1, cols - 1, rows, cols), "kPa",
                    "pressure of cell rRRcCC (row RR from the head end, column CC from the receiver's left)");
        }
        ObjectNode sf = files.putObject(base + "_summary.csv");
        sf.put("description", "per-frame summary");
        ArrayNode sc = sf.putArray("columns");
        addColumn(sc, "frame", "", "frame index");
        addColumn(sc, "time_s", "s", "seconds from the first frame (device clock)");
        addColumn(sc, "device_time_us", "us", "raw device clock (unwrapped microseconds)");
        MetadataJson.addSummaryColumns(sc);
        addColumn(sc, "active_flags", "", "flags open at this frame, ';'-separated type@region");
        ObjectNode ef = files.putObject(base + "_events.csv");
        ef.put("description", "flag events found by the signal core");
        MetadataJson.addColumns(ef,
                "type", "", "spine_contact, bone_contact, excess_pressure or marker",
                "start_s", "s", "first frame over the threshold, seconds from the first frame",
                "end_s", "s", "last frame over the release threshold (NaN: still open at the end)",
                "duration_s", "s", "end_s - start_s",
                "region", "", "region id (empty when none)",
                "peak_kpa", "kPa", "highest pressure in the region during the event",
                "detail", "", "marker text or the limit that was exceeded");
        ObjectNode af = files.putObject(base + "_annotations.csv");
        af.put("description", "instructor annotations (text empty in anonymised exports)");
        MetadataJson.addColumns(af,
                "time_s", "s", "seconds from the first frame",
                "text", "", "free text");
    }

    private static void addColumn(ArrayNode cols, String name, String unit, String description) {
        ObjectNode c = cols.addObject();
        c.put("name", name);
        c.put("unit", unit);
        c.put("description", description);
    }
}
