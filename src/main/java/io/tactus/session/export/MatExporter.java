package io.tactus.session.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FlagEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5Writer;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;
import us.hebi.matlab.mat.types.Struct;

/**
 * MATLAB .mat (v5, uncompressed) export through mfl-core, streamed: the pressure variable's header is written
 * with its exact size (frame count known up front) and its values go straight from each frame to the file; the
 * per-frame summary is parked in scratch column files and appended afterwards. Memory stays at a few buffers.
 *
 * <p>Variables: {@code pressure_kpa} (single, rows x cols x frames; split into {@code pressure_kpa_001...} when one
 * variable would pass MAT v5's 2 GB limit), {@code time_s}, {@code frame_index} (frames x 1),
 * {@code summary} (frames x k) with {@code summary_columns} (cell), {@code events} and {@code annotations}
 * (structs of columns), {@code meta} (struct, including the full JSON metadata).
 */
public final class MatExporter implements Exporter {

    /** MAT v5 stores a variable's size in 32 bits and MATLAB refuses variables over 2^31 bytes. */
    static final long MAX_VARIABLE_BYTES = 2_000_000_000L;

    private final long maxVariableBytes;

    public MatExporter() {
        this(MAX_VARIABLE_BYTES);
    }

    /** For tests: a smaller per-variable limit to exercise block splitting on small sessions. */
    MatExporter(long maxVariableBytes) {
        this.maxVariableBytes = maxVariableBytes;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.MAT;
    }

    @Override
    public ExportResult export(ExportSource source, Path outDir, String baseName, ExportOptions options,
                               ProgressListener progress, CancelToken cancel) throws IOException {
        ExportView view = ExportView.of(source, options);
        ExportRun run = new ExportRun(source, progress, cancel, true, false);
        run.scanIfNeeded();
        long frames = run.frameCount();
        int rows = run.rows();
        int cols = run.cols();
        int cells = rows * cols;
        long framesPerBlock = Math.max(1, (maxVariableBytes - 1024) / (cells * 4L));
        int blocks = Math.toIntExact((frames + framesPerBlock - 1) / framesPerBlock);
        try (AtomicOutput out = new AtomicOutput(outDir)) {
            Path matPath = out.file(baseName + ".mat");
            Sink sink = Sinks.newStreamingFile(matPath.toFile());
            try (sink; ColumnSpill spill = new ColumnSpill(out, SummaryColumns.ALL.size() + 2)) {
                Mat5.newMatFile().writeFileHeader(sink);
                Mat5Writer writer = Mat5.newWriter(sink).setDeflateLevel(0);
                float[] transposed = new float[cells];
                long[] written = {0};
                MatStreamedMatrix[] current = {null};
                int[] blockIndex = {0};
                long[] inBlock = {0};
                List<Long> blockFrames = new ArrayList<>();
                run.writePass(f -> {
                    try {
                        if (current[0] == null) {
                            long n = Math.min(framesPerBlock, frames - written[0]);
                            current[0] = new MatStreamedMatrix(new int[] {rows, cols, Math.toIntExact(n)},
                                    MatlabType.Single);
                            current[0].writeHeader(blocks == 1 ? "pressure_kpa"
                                    : String.format("pressure_kpa_%03d", blockIndex[0] + 1), sink);
                            blockFrames.add(n);
                            inBlock[0] = n;
                        }
                        // MATLAB is column-major: within a frame, rows vary fastest.
                        float[] kpa = f.kpa();
                        for (int c = 0, k = 0; c < cols; c++) {
                            for (int r = 0; r < rows; r++) {
                                transposed[k++] = kpa[r * cols + c];
                            }
                        }
                        sink.writeFloats(transposed, 0, cells);
                        spill.put(0, run.seconds(f.deviceTimeUs()));
                        spill.put(1, f.index());
                        int col = 2;
                        for (SummaryColumns.Column c : SummaryColumns.ALL) {
                            spill.put(col++, c.value().applyAsDouble(f));
                        }
                        spill.endRow();
                        written[0]++;
                        if (--inBlock[0] == 0) {
                            current[0].writePadding(sink);
                            current[0] = null;
                            blockIndex[0]++;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (blocks > 1) {
                    Matrix bf = Mat5.newMatrix(blockFrames.size(), 1);
                    for (int i = 0; i < blockFrames.size(); i++) {
                        bf.setDouble(i, blockFrames.get(i));
                    }
                    writer.writeArray("pressure_block_frames", bf);
                }
                writeColumn("time_s", spill, 0, frames, sink);
                writeColumn("frame_index", spill, 1, frames, sink);
                writeSummary(spill, frames, sink);
                Cell names = Mat5.newCell(1, SummaryColumns.ALL.size());
                for (int i = 0; i < SummaryColumns.ALL.size(); i++) {
                    names.set(i, Mat5.newString(SummaryColumns.ALL.get(i).name()));
                }
                writer.writeArray("summary_columns", names);
                writer.writeArray("events", events(source.events(), run));
                writer.writeArray("annotations", annotations(view.annotations(), run));
                ObjectNode meta = MetadataJson.build(view, run, "mat");
                meta.put("pressure_blocks", blocks);
                writer.writeArray("meta", meta(view, run, MetadataJson.toText(meta)));
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            List<Path> files = out.commit();
            run.finished(frames);
            return new ExportResult(files, frames, AtomicOutput.totalSize(files));
        }
    }

    private static void writeColumn(String name, ColumnSpill spill, int column, long frames, Sink sink)
            throws IOException {
        MatStreamedMatrix m = new MatStreamedMatrix(new int[] {Math.toIntExact(frames), 1}, MatlabType.Double);
        m.writeHeader(name, sink);
        spill.read(column, (v, n) -> sink.writeDoubles(v, 0, n));
        m.writePadding(sink);
    }

    private static void writeSummary(ColumnSpill spill, long frames, Sink sink) throws IOException {
        int k = SummaryColumns.ALL.size();
        MatStreamedMatrix m = new MatStreamedMatrix(new int[] {Math.toIntExact(frames), k}, MatlabType.Double);
        m.writeHeader("summary", sink);
        for (int c = 0; c < k; c++) {
            spill.read(c + 2, (v, n) -> sink.writeDoubles(v, 0, n));
        }
        m.writePadding(sink);
    }

    private static Struct events(List<FlagEvent> events, ExportRun run) {
        List<FlagEvent> ev = events == null ? List.of() : events;
        int n = ev.size();
        Cell type = Mat5.newCell(n, 1);
        Cell region = Mat5.newCell(n, 1);
        Cell detail = Mat5.newCell(n, 1);
        Matrix start = Mat5.newMatrix(n, 1);
        Matrix end = Mat5.newMatrix(n, 1);
        Matrix peak = Mat5.newMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            FlagEvent e = ev.get(i);
            type.set(i, Mat5.newString(e.type().id()));
            region.set(i, Mat5.newString(e.region() == null ? "" : e.region().id()));
            detail.set(i, Mat5.newString(e.detail() == null ? "" : e.detail()));
            start.setDouble(i, run.seconds(e.startUs()));
            end.setDouble(i, e.isOpen() ? Double.NaN : run.seconds(e.endUs()));
            peak.setDouble(i, e.peakKpa());
        }
        return Mat5.newStruct().set("type", type).set("start_s", start).set("end_s", end).set("region", region)
                .set("peak_kpa", peak).set("detail", detail);
    }

    private static Struct annotations(List<ExportAnnotation> notes, ExportRun run) {
        int n = notes.size();
        Matrix time = Mat5.newMatrix(n, 1);
        Cell text = Mat5.newCell(n, 1);
        for (int i = 0; i < n; i++) {
            time.setDouble(i, run.seconds(notes.get(i).deviceTimeUs()));
            text.set(i, Mat5.newString(notes.get(i).text() == null ? "" : notes.get(i).text()));
        }
        return Mat5.newStruct().set("time_s", time).set("text", text);
    }

    private static Struct meta(ExportView view, ExportRun run, String json) {
        DeviceDescriptor d = view.descriptor();
        ExportMetadata m = view.metadata();
        Struct s = Mat5.newStruct()
                .set("rows", Mat5.newScalar(d.rows()))
                .set("cols", Mat5.newScalar(d.cols()))
                .set("row_pitch_mm", Mat5.newScalar(d.pitchYmm()))
                .set("col_pitch_mm", Mat5.newScalar(d.pitchXmm()))
                .set("rate_hz", Mat5.newScalar(d.rateHz()))
                .set("frames", Mat5.newScalar(run.frameCount()))
                .set("start_time_utc", str(m.startTimeUtc() == null ? "" : m.startTimeUtc().toString()))
                .set("trainee_pseudonym", str(m.traineePseudonym()))
                .set("receiver_pseudonym", str(m.receiverPseudonym()))
                .set("profile", str(m.profile()))
                .set("anonymized", Mat5.newLogicalScalar(view.anonymized()))
                .set("metadata_json", str(json));
        return s;
    }

    private static Array str(String s) {
        return Mat5.newString(s == null ? "" : s);
    }
}
