package io.tactus.session.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tactus.protocol.DeviceDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * ASCII export in Tekscan's ASF layout, for pressure-analysis tools that read it (e.g. the R package pressuRe's
 * {@code load_tekscan}): a header of {@code KEY value} lines, {@code ASCII_DATA @@}, then per frame a
 * {@code Frame N} line, one comma-separated line per sensor row, and a blank line. CRLF line ends as Tekscan
 * writes them. Plus the JSON sidecar of the CSV export (metadata the ASF header cannot hold).
 *
 * <p>Constraints taken from the public parsers (docs/EXPORT.md): spacing and SECONDS_PER_FRAME always carry a
 * decimal point; no header value contains "Frame"; the file name has a single dot; at least two frames are
 * needed by pressuRe to size a frame block (a one-frame export is written but pressuRe cannot read it).
 */
public final class AsfExporter implements Exporter {

    static final String EOL = "\r\n";
    static final int PRESSURE_DECIMALS = 3;

    @Override
    public ExportFormat format() {
        return ExportFormat.ASF;
    }

    @Override
    public ExportResult export(ExportSource source, Path outDir, String baseName, ExportOptions options,
                               ProgressListener progress, CancelToken cancel) throws IOException {
        ExportView view = ExportView.of(source, options);
        // One pass: END_FRAME is written as a fixed-width field and filled in at the end.
        ExportRun run = new ExportRun(source, progress, cancel, false, false);
        // pressuRe takes the extension as the text after the first dot of the file name.
        String base = baseName.replace('.', '_');
        try (AtomicOutput out = new AtomicOutput(outDir, options)) {
            Path asf = out.file(base + ".asf");
            Path sidecar = out.file(base + ".asf.json");
            int rows = run.rows();
            int cols = run.cols();
            String header = header(view);
            try (TextSink w = new TextSink(asf)) {
                w.append(header); // US-ASCII (clean() keeps header values to safe characters)
                long[] n = {0};
                run.writePass(f -> {
                    try {
                        w.append("Frame ").integer(++n[0]).append(EOL);
                        float[] kpa = f.kpa();
                        for (int r = 0, i = 0; r < rows; r++, i += cols) {
                            w.number(kpa[i], PRESSURE_DECIMALS).commaNumbers(kpa, i + 1, i + cols, PRESSURE_DECIMALS)
                                    .ascii('\r').ascii('\n'); // EOL
                        }
                        w.append(EOL);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            long frames = run.frameCount();
            patchEndFrame(asf, header, frames);
            ObjectNode meta = MetadataJson.build(view, run, "asf");
            ObjectNode files = meta.putObject("files");
            ObjectNode a = files.putObject(base + ".asf");
            a.put("description", "Tekscan ASF-style ASCII: frames numbered from 1, values in kPa, rows from the "
                    + "head end, columns from the receiver's left; frame times are nominal (SECONDS_PER_FRAME), "
                    + "the exact device times are in the CSV/MAT/HDF5 exports");
            MetadataJson.write(meta, sidecar);
            List<Path> done = out.commit();
            run.finished(frames);
            return new ExportResult(done, frames, AtomicOutput.totalSize(done));
        }
    }

    /** Width of the END_FRAME value, space-padded: parsers read it with {@code \\d*} and stop at the space. */
    static final int END_FRAME_WIDTH = 12;
    private static final String END_FRAME = "END_FRAME ";

    private static String header(ExportView view) {
        StringBuilder w = new StringBuilder(1024);
        DeviceDescriptor d = view.descriptor();
        ExportMetadata m = view.metadata();
        double rowCm = d.pitchYmm() / 10.0;
        double colCm = d.pitchXmm() / 10.0;
        line(w, "DATA_TYPE MOVIE");
        line(w, "VERSION Tactus " + clean(AppVersion.get()));
        line(w, "HARDWARE " + clean(d.device()));
        line(w, "SENSOR_TYPE " + clean(d.layout()));
        line(w, "ROWS " + d.rows());
        line(w, "COLS " + d.cols());
        // Decimal point always present: pressuRe extracts "\d+\.\d+" and reads the unit word on the same line.
        line(w, "ROW_SPACING " + fixed(rowCm) + " centimeters");
        line(w, "COL_SPACING " + fixed(colCm) + " centimeters");
        line(w, "SENSEL_AREA " + fixed(rowCm * colCm) + " cm2");
        line(w, "NOISE_THRESHOLD 0");
        line(w, "SECONDS_PER_FRAME " + fixed(1.0 / d.rateHz()));
        line(w, "MICRO_SECOND 0");
        line(w, "TIME " + (m.startTimeUtc() == null ? "unknown" : clean(m.startTimeUtc().toString())));
        line(w, "SENSITIVITY Default");
        line(w, "START_FRAME 1");
        line(w, END_FRAME + " ".repeat(END_FRAME_WIDTH));
        line(w, "UNITS kPa");
        line(w, "MIRROR_ROW 0");
        line(w, "MIRROR_COL 0");
        line(w, "ASCII_DATA @@");
        line(w, "");
        return w.toString();
    }

    private static void line(StringBuilder w, String s) {
        w.append(s).append(EOL);
    }

    private static void patchEndFrame(Path asf, String header, long frames) throws IOException {
        String value = String.format(Locale.ROOT, "%-" + END_FRAME_WIDTH + "d", frames);
        long at = header.indexOf(END_FRAME) + END_FRAME.length(); // US-ASCII: chars are bytes
        try (FileChannel ch = FileChannel.open(asf, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(value.getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                at += ch.write(b, at);
            }
        }
    }

    /** Six decimals, always with a point, never exponent notation. */
    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /**
     * Header values come from devices and users: keep them to safe characters and keep out words parsers search
     * the whole file for ("Frame" starts a frame block in pressuRe; header keys are grepped line by line).
     */
    static String clean(String s) {
        if (s == null || s.isBlank()) {
            return "unknown";
        }
        String t = s.replaceAll("[^A-Za-z0-9 ._:+-]", "_");
        t = t.replaceAll("(?i)frame", "frm").replaceAll("(?i)spacing", "spc").replaceAll("(?i)sensel", "snsl");
        return t.strip();
    }
}
