package io.tactus.session.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.flags.FlagEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * MATLAB .mat (v5, uncompressed) export through mfl-core, streamed: the pressure values go straight from each
 * frame to the file; the
 * per-frame summary is parked in scratch column files and appended afterwards. Memory stays at a few buffers.
 *
 * <p>One pass over the source: each pressure block's header is written for a full block and the last one is
 * rewritten in place with its real frame count.
 *
 * <p>Variables: {@code pressure_kpa} (single, rows x cols x frames; continued in {@code pressure_kpa_002, ...}
 * when one variable would pass MAT v5's 2 GB limit, sizes in {@code pressure_block_frames}), {@code time_s}, {@code frame_index} (frames x 1),
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
        int cells = source.metadata().descriptor().cellCount();
        // One pass: each pressure block's header is written for a full block and the last one is rewritten
        // with its real size at the end. A 1-cell grid would change the header's length (MAT packs 4-byte
        // data into the tag), so it counts first.
        ExportRun run = new ExportRun(source, progress, cancel, cells == 1, false);
        run.scanIfNeeded();
        int rows = run.rows();
        int cols = run.cols();
        long framesPerBlock = Math.max(1, (maxVariableBytes - 1024) / (cells * 4L));
        try (AtomicOutput out = new AtomicOutput(outDir, options)) {
            Path matPath = out.file(baseName + ".mat");
            Sink sink = Sinks.newStreamingFile(matPath.toFile());
            List<Long> blockFrames = new ArrayList<>();
            long lastHeaderAt;
            try (sink; ColumnSpill spill = new ColumnSpill(out, SummaryColumns.ALL.size() + 2)) {
                Mat5.newMatFile().writeFileHeader(sink);
                Mat5Writer writer = Mat5.newWriter(sink).setDeflateLevel(0);
                float[] transposed = new float[cells];
                long[] headerAt = {-1};
                long[] inBlock = {0};
                run.writePass(f -> {
                    try {
                        if (inBlock[0] == 0) {
                            headerAt[0] = sink.position();
                            pressureBlock(blockFrames.size(), rows, cols, framesPerBlock).writeHeader(
                                    blockName(blockFrames.size()), sink);
                            blockFrames.add(0L);
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
                        int b = blockFrames.size() - 1;
                        blockFrames.set(b, blockFrames.get(b) + 1);
                        if (++inBlock[0] == framesPerBlock) {
                            pressureBlock(b, rows, cols, framesPerBlock).writePadding(sink);
                            inBlock[0] = 0;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                long frames = run.frameCount();
                int last = blockFrames.size() - 1;
                lastHeaderAt = headerAt[0];
                if (inBlock[0] != 0) {
                    pressureBlock(last, rows, cols, blockFrames.get(last)).writePadding(sink);
                }
                if (blockFrames.size() > 1) {
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
                meta.put("pressure_blocks", blockFrames.size());
                writer.writeArray("meta", meta(view, run, MetadataJson.toText(meta)));
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            int last = blockFrames.size() - 1;
            if (blockFrames.get(last) != framesPerBlock) {
                rewriteHeader(matPath, lastHeaderAt, pressureBlock(last, rows, cols, blockFrames.get(last)),
                        blockName(last));
            }
            List<Path> files = out.commit();
            long frames = run.frameCount();
            run.finished(frames);
            return new ExportResult(files, frames, AtomicOutput.totalSize(files));
        }
    }

    /** The first block is {@code pressure_kpa}; a session past the variable limit continues in _002, _003... */
    static String blockName(int block) {
        return block == 0 ? "pressure_kpa" : String.format("pressure_kpa_%03d", block + 1);
    }

    private static MatStreamedMatrix pressureBlock(int block, int rows, int cols, long frames) {
        return new MatStreamedMatrix(new int[] {rows, cols, Math.toIntExact(frames)}, MatlabType.Single);
    }

    /** Overwrites a block header in place: its length does not depend on the frame count (cells > 1). */
    private static void rewriteHeader(Path file, long at, MatStreamedMatrix m, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        Sink mem = Sinks.wrap(b).order(Mat5.DEFAULT_ORDER);
        m.writeHeader(name, mem);
        b.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long pos = at;
            while (b.hasRemaining()) {
                pos += ch.write(b, pos);
            }
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
