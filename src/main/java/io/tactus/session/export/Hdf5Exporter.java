package io.tactus.session.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.storage.HdfFileChannel;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.flags.FlagEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * HDF5 export through jhdf, in one pass over the source and memory flat in the session length, although jhdf 0.13
 * only writes whole in-memory arrays at close:
 * <ol>
 *   <li>the pass writes the pressure frames straight into the output file, at an offset left free for the file
 *       structure, and parks the per-frame columns in scratch files ({@link ColumnSpill});</li>
 *   <li>jhdf then writes the structure (metadata, events, annotations: all known after the pass) into a scratch
 *       file, with every per-frame dataset as a contiguous one-frame placeholder;</li>
 *   <li>that structure is copied to the start of the output, the columns after the frames, and each per-frame
 *       dataset's object header is pointed at its data with its real frame count ({@link Hdf5Patch}); the
 *       superblock gets the new end of file. Raw data of a contiguous dataset carries no checksum; the edited
 *       headers get theirs recomputed, so the file is a plain valid HDF5 file.</li>
 * </ol>
 * The placeholders' few bytes stay in the structure unused (HDF5 files may hold unused space), as does the gap
 * between the structure and the frames (a hole in the file, usually under a few MB).
 * Layout: {@code /pressure_kpa} float32 (frames, rows, cols); {@code /time_s} float64 (frames);
 * {@code /frame_index} int64 (frames); {@code /summary/<column>} float64 (frames) with unit and description
 * attributes; {@code /events/*} and {@code /annotations/*} columns (groups absent when there are none, see
 * the root attributes {@code event_count} and {@code annotation_count}); metadata as root attributes including {@code metadata_json}.
 */
public final class Hdf5Exporter implements Exporter {

    private static final int PATCH_BUFFER = 1 << 20;
    private static final System.Logger LOG = System.getLogger(Hdf5Exporter.class.getName());

    static {
        // jhdf logs through SLF4J; without a binding SLF4J prints a warning on stderr at first use.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final boolean coalesceWrites;
    private final long structureRoom;

    public Hdf5Exporter() {
        this(true);
    }

    /** For tests: {@code false} writes through jhdf's own channel (the reference for byte-identical output). */
    Hdf5Exporter(boolean coalesceWrites) {
        this(coalesceWrites, -1);
    }

    /** For tests: {@code structureRoom} bytes before the frames (-1: the default, scaled to the session). */
    Hdf5Exporter(boolean coalesceWrites, long structureRoom) {
        this.coalesceWrites = coalesceWrites;
        this.structureRoom = structureRoom;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.HDF5;
    }

    /**
     * jhdf 0.13 writes a 3-D float dataset one innermost row per system call (11.5 million calls for an hour of
     * 32x32). Swapping its file channel for a {@link CoalescingFileChannel} gathers them; the file's bytes are
     * unchanged. jhdf has no hook for this, so it goes through its private fields, pinned to the version in
     * the pom; if they are not there, the export simply runs slower.
     */
    static boolean coalesce(WritableHdfFile f) {
        try {
            Field outer = WritableHdfFile.class.getDeclaredField("fileChannel");
            Field wrapper = WritableHdfFile.class.getDeclaredField("hdfFileChannel");
            Field inner = HdfFileChannel.class.getDeclaredField("fc");
            outer.setAccessible(true);
            wrapper.setAccessible(true);
            inner.setAccessible(true);
            FileChannel real = (FileChannel) outer.get(f);
            HdfFileChannel hfc = (HdfFileChannel) wrapper.get(f);
            if (real == null || hfc == null || inner.get(hfc) != real) {
                return false;
            }
            FileChannel gathered = new CoalescingFileChannel(real, 1 << 20);
            inner.set(hfc, gathered);
            outer.set(f, gathered);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "jhdf internals changed, HDF5 export without write coalescing: " + e);
            return false;
        }
    }

    @Override
    public ExportResult export(ExportSource source, Path outDir, String baseName, ExportOptions options,
                               ProgressListener progress, CancelToken cancel) throws IOException {
        ExportView view = ExportView.of(source, options);
        ExportRun run = new ExportRun(source, progress, cancel, false, false);
        int cells = run.rows() * run.cols();
        long frameBytes = (long) cells * Float.BYTES;
        // room for the structure before the frames: events and notes grow it, so it scales with the session
        long dataAt = structureRoom >= 0 ? structureRoom
                : STRUCTURE_ROOM + source.estimatedFrameCount().orElse(0) * STRUCTURE_ROOM_PER_FRAME;
        try (AtomicOutput out = new AtomicOutput(outDir, options);
             ColumnSpill columns = new ColumnSpill(out, 2 + SummaryColumns.ALL.size())) {
            Path h5 = out.file(baseName + ".h5");
            long frames;
            try (FileChannel ch = FileChannel.open(h5, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                frames = writeFrames(ch, dataAt, run, columns, cells);
                if (frames > Integer.MAX_VALUE) {
                    throw new IOException("too many frames for one HDF5 export: " + frames);
                }
                run.step("layout", 0.95);
                Path skeleton = out.scratch("h5-structure");
                writeSkeleton(skeleton, view, run, source.events() == null ? List.of() : source.events());
                run.checkCancel();
                long structure = Files.size(skeleton);
                if (structure > dataAt) { // more events or notes than the room allowed for: move the frames on
                    moveUp(ch, dataAt, frames * frameBytes, structure);
                    dataAt = structure;
                }
                Targets t = locate(skeleton);
                copyInto(skeleton, ch);
                long end = dataAt + frames * frameBytes;
                Hdf5Patch.dataset(ch, "pressure_kpa", t.pressure(), frames, dataAt, frames * frameBytes);
                long[] headers = t.columns();
                for (int i = 0; i < headers.length; i++) {
                    long n = columns.copyTo(i, ch, end);
                    Hdf5Patch.dataset(ch, COLUMN_PATHS.get(i), headers[i], frames, end, n);
                    end += n;
                }
                Hdf5Patch.endOfFile(ch, end);
                ch.truncate(end);
            }
            List<Path> files = out.commit();
            run.finished(frames);
            return new ExportResult(files, frames, AtomicOutput.totalSize(files));
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new IOException("HDF5 writing failed: " + e.getMessage(), e);
        }
    }

    /** Room left for the file structure before the frames: fixed part, and per frame (for events). */
    static final long STRUCTURE_ROOM = 256 * 1024;
    static final long STRUCTURE_ROOM_PER_FRAME = 8;
    /** The per-frame 1-D datasets in {@link ColumnSpill} order. */
    private static final List<String> COLUMN_PATHS = columnPaths();

    private static List<String> columnPaths() {
        List<String> l = new java.util.ArrayList<>(List.of("time_s", "frame_index"));
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            l.add("summary/" + c.name());
        }
        return List.copyOf(l);
    }

    /** The pass: frames into {@code ch} from {@code at}, the 1-D columns into the spill. Returns the frame count. */
    private static long writeFrames(FileChannel ch, long at, ExportRun run, ColumnSpill columns, int cells)
            throws IOException {
        int framesPerBuffer = Math.max(1, PATCH_BUFFER / (cells * Float.BYTES));
        ByteBuffer frameBuf = ByteBuffer.allocateDirect(framesPerBuffer * cells * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        long[] pos = {at};
        try {
            run.writePass(f -> {
                try {
                    if (frameBuf.remaining() < cells * Float.BYTES) {
                        pos[0] = flush(ch, frameBuf, pos[0]);
                    }
                    frameBuf.asFloatBuffer().put(f.kpa());
                    frameBuf.position(frameBuf.position() + cells * Float.BYTES);
                    columns.put(0, run.seconds(f.deviceTimeUs()));
                    columns.putLong(1, f.index());
                    for (int i = 0; i < SummaryColumns.ALL.size(); i++) {
                        columns.put(2 + i, SummaryColumns.ALL.get(i).value().applyAsDouble(f));
                    }
                    columns.endRow();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        flush(ch, frameBuf, pos[0]);
        return columns.rows();
    }

    private static long flush(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        buf.flip();
        long p = at;
        while (buf.hasRemaining()) {
            p += ch.write(buf, p);
        }
        buf.clear();
        return p;
    }

    /** Moves {@code bytes} at {@code from} up to {@code to} (> from) in the same file, last block first. */
    private static void moveUp(FileChannel ch, long from, long bytes, long to) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(PATCH_BUFFER);
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(b.capacity(), left);
            left -= n;
            b.clear().limit(n);
            long p = from + left;
            while (b.hasRemaining()) {
                int r = ch.read(b, p);
                if (r < 0) {
                    throw new IOException("HDF5 frames ended early while moving them");
                }
                p += r;
            }
            flush(ch, b, to + left);
        }
    }

    private static void copyInto(Path skeleton, FileChannel ch) throws IOException {
        try (FileChannel in = FileChannel.open(skeleton, StandardOpenOption.READ)) {
            long size = in.size();
            long done = 0;
            ch.position(0);
            while (done < size) {
                long n = in.transferTo(done, size - done, ch);
                if (n <= 0) {
                    throw new IOException("HDF5 structure file ended early");
                }
                done += n;
            }
        }
    }

    /** jhdf writes the structure; every per-frame dataset is a one-frame placeholder (patched afterwards). */
    private void writeSkeleton(Path h5, ExportView view, ExportRun run, List<FlagEvent> events) throws IOException {
        DeviceDescriptor d = view.descriptor();
        float[][][] pressure = new float[1][d.rows()][d.cols()];
        double[] oneDouble = new double[1];
        long[] oneLong = new long[1];
        long n = run.frameCount();
        ObjectNode meta = MetadataJson.build(view, run, "hdf5");
        try (WritableHdfFile f = HdfFile.write(h5)) {
            if (coalesceWrites) {
                coalesce(f);
            }
            f.putAttribute("format", "tactus-export");
            f.putAttribute("format_version", MetadataJson.FORMAT_VERSION);
            f.putAttribute("rows", d.rows());
            f.putAttribute("cols", d.cols());
            f.putAttribute("row_pitch_mm", d.pitchYmm());
            f.putAttribute("col_pitch_mm", d.pitchXmm());
            f.putAttribute("rate_hz", d.rateHz());
            f.putAttribute("frames", n);
            f.putAttribute("anonymized", view.anonymized() ? 1 : 0);
            ExportMetadata m = view.metadata();
            f.putAttribute("start_time_utc", m.startTimeUtc() == null ? "" : m.startTimeUtc().toString());
            f.putAttribute("trainee_pseudonym", nz(m.traineePseudonym()));
            f.putAttribute("receiver_pseudonym", nz(m.receiverPseudonym()));
            f.putAttribute("profile", nz(m.profile()));
            f.putAttribute("metadata_json", MetadataJson.toText(meta));
            WritableDataset p = f.putDataset("pressure_kpa", pressure);
            p.putAttribute("unit", "kPa");
            p.putAttribute("description", "calibrated pressure, (frame, row, col); row 0 = head end, "
                    + "col 0 = the receiver's left");
            WritableDataset ts = f.putDataset("time_s", oneDouble);
            ts.putAttribute("unit", "s");
            ts.putAttribute("description", "seconds from the first frame (device clock)");
            WritableDataset fi = f.putDataset("frame_index", oneLong);
            fi.putAttribute("description", "frame index (packet sequence, unwrapped)");
            WritableGroup s = f.putGroup("summary");
            for (SummaryColumns.Column c : SummaryColumns.ALL) {
                WritableDataset ds = s.putDataset(c.name(), oneDouble);
                ds.putAttribute("unit", c.unit());
                ds.putAttribute("description", c.description());
            }
            // jhdf cannot write zero-length datasets nor empty groups: the groups exist only when non-empty,
            // the root attributes say how many there are.
            f.putAttribute("event_count", events.size());
            f.putAttribute("annotation_count", view.annotations().size());
            if (!events.isEmpty()) {
                writeEvents(f.putGroup("events"), events, run);
            }
            if (!view.annotations().isEmpty()) {
                writeAnnotations(f.putGroup("annotations"), view.annotations(), run);
            }
        }
    }

    private static void writeEvents(WritableGroup g, List<FlagEvent> events, ExportRun run) {
        int n = events.size();
        String[] type = new String[n];
        String[] region = new String[n];
        String[] detail = new String[n];
        double[] start = new double[n];
        double[] end = new double[n];
        double[] peak = new double[n];
        for (int i = 0; i < n; i++) {
            FlagEvent e = events.get(i);
            type[i] = e.type().id();
            region[i] = e.region() == null ? "" : e.region().id();
            detail[i] = nz(e.detail());
            start[i] = run.seconds(e.startUs());
            end[i] = e.isOpen() ? Double.NaN : run.seconds(e.endUs());
            peak[i] = e.peakKpa();
        }
        g.putDataset("type", type);
        g.putDataset("start_s", start).putAttribute("unit", "s");
        g.putDataset("end_s", end).putAttribute("unit", "s");
        g.putDataset("region", region);
        g.putDataset("peak_kpa", peak).putAttribute("unit", "kPa");
        g.putDataset("detail", detail);
    }

    private static void writeAnnotations(WritableGroup g, List<ExportAnnotation> notes, ExportRun run) {
        int n = notes.size();
        double[] time = new double[n];
        String[] text = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = run.seconds(notes.get(i).deviceTimeUs());
            text[i] = nz(notes.get(i).text());
        }
        g.putDataset("time_s", time).putAttribute("unit", "s");
        g.putDataset("text", text);
    }

    /** Object header addresses of the per-frame datasets (pressure, then {@link #COLUMN_PATHS}). */
    private record Targets(long pressure, long[] columns) {
    }

    private static Targets locate(Path skeleton) throws IOException {
        try (HdfFile r = new HdfFile(skeleton)) {
            long pressure = header(r, "pressure_kpa");
            long[] columns = new long[COLUMN_PATHS.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = header(r, COLUMN_PATHS.get(i));
            }
            return new Targets(pressure, columns);
        }
    }

    private static long header(HdfFile r, String path) throws IOException {
        Dataset ds = r.getDatasetByPath(path);
        if (!(ds instanceof ContiguousDataset) || !ds.getFilters().isEmpty() || ds.getDimensions()[0] != 1) {
            throw new IOException("HDF5 writer laid out " + path + " unexpectedly (not a contiguous placeholder)");
        }
        return ds.getAddress();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
