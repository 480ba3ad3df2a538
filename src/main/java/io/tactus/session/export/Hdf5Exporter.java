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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * HDF5 export through jhdf, in bounded memory although jhdf 0.13 only writes whole in-memory arrays at close:
 * <ol>
 *   <li>a scan pass counts frames and collects events (their times need the first frame's time);</li>
 *   <li>jhdf writes the complete file structure (metadata, events, annotations) with the per-frame datasets as
 *       contiguous, unfiltered placeholders whose Java arrays share one zero row (a few MB whatever the
 *       length);</li>
 *   <li>jhdf's reader gives each placeholder's data address, and the data pass writes the real values in place.
 *       Raw data of a contiguous dataset carries no checksum, so the file is a plain valid HDF5 file.</li>
 * </ol>
 * Layout: {@code /pressure_kpa} float32 (frames, rows, cols); {@code /time_s} float64 (frames);
 * {@code /frame_index} int64 (frames); {@code /summary/<column>} float64 (frames) with unit and description
 * attributes; {@code /events/*} and {@code /annotations/*} columns (groups absent when there are none, see
 * the root attributes {@code event_count} and {@code annotation_count}); metadata as root attributes including {@code metadata_json}.
 */
public final class Hdf5Exporter implements Exporter {

    private static final int PATCH_BUFFER = 1 << 20;
    private static final System.Logger LOG = System.getLogger(Hdf5Exporter.class.getName());
    private static final int COLUMN_BUFFER = 1 << 15;

    static {
        // jhdf logs through SLF4J; without a binding SLF4J prints a warning on stderr at first use.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private final boolean coalesceWrites;

    public Hdf5Exporter() {
        this(true);
    }

    /** For tests: {@code false} writes through jhdf's own channel (the reference for byte-identical output). */
    Hdf5Exporter(boolean coalesceWrites) {
        this.coalesceWrites = coalesceWrites;
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
        ExportRun run = new ExportRun(source, progress, cancel, true, true);
        run.scanIfNeeded();
        long frames = run.frameCount();
        if (frames == 0) {
            throw new IOException("the session has no frames to export");
        }
        if (frames > Integer.MAX_VALUE) {
            throw new IOException("too many frames for one HDF5 export: " + frames);
        }
        int n = (int) frames;
        int rows = run.rows();
        int cols = run.cols();
        List<FlagEvent> events = source.events() == null ? List.of() : source.events();
        try (AtomicOutput out = new AtomicOutput(outDir, options)) {
            Path h5 = out.file(baseName + ".h5");
            run.step("layout", 0.25);
            writeSkeleton(h5, view, run, n, events); // jhdf writes placeholders: no progress inside, ~15 s/hour
            run.checkCancel();
            run.step("layout", 0.5);
            Targets t = locate(h5, n, rows * cols);
            patch(h5, t, run, rows * cols);
            List<Path> files = out.commit();
            run.finished(frames);
            return new ExportResult(files, frames, AtomicOutput.totalSize(files));
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new IOException("HDF5 writing failed: " + e.getMessage(), e);
        }
    }

    private void writeSkeleton(Path h5, ExportView view, ExportRun run, int n, List<FlagEvent> events)
            throws IOException {
        DeviceDescriptor d = view.descriptor();
        float[][] zeroFrame = new float[d.rows()][d.cols()];
        float[][][] pressure = new float[n][][];
        Arrays.fill(pressure, zeroFrame);
        double[] zeroDoubles = new double[n];
        long[] zeroLongs = new long[n];
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
            f.putAttribute("frames", (long) n);
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
            WritableDataset ts = f.putDataset("time_s", zeroDoubles);
            ts.putAttribute("unit", "s");
            ts.putAttribute("description", "seconds from the first frame (device clock)");
            WritableDataset fi = f.putDataset("frame_index", zeroLongs);
            fi.putAttribute("description", "frame index (packet sequence, unwrapped)");
            WritableGroup s = f.putGroup("summary");
            for (SummaryColumns.Column c : SummaryColumns.ALL) {
                WritableDataset ds = s.putDataset(c.name(), zeroDoubles);
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

    /** Where the data pass writes: data addresses of the placeholders, checked against the expected sizes. */
    private record Targets(long pressure, long time, long index, long[] summary) {
    }

    private static Targets locate(Path h5, int n, int cells) throws IOException {
        try (HdfFile r = new HdfFile(h5)) {
            long pressure = address(r, "pressure_kpa", (long) n * cells * Float.BYTES);
            long time = address(r, "time_s", (long) n * Double.BYTES);
            long index = address(r, "frame_index", (long) n * Long.BYTES);
            long[] summary = new long[SummaryColumns.ALL.size()];
            for (int i = 0; i < summary.length; i++) {
                summary[i] = address(r, "summary/" + SummaryColumns.ALL.get(i).name(), (long) n * Double.BYTES);
            }
            return new Targets(pressure, time, index, summary);
        }
    }

    private static long address(HdfFile r, String path, long expectedBytes) throws IOException {
        Dataset ds = r.getDatasetByPath(path);
        if (!(ds instanceof ContiguousDataset c) || !ds.getFilters().isEmpty()
                || ds.getSizeInBytes() != expectedBytes) {
            throw new IOException("HDF5 writer laid out " + path + " unexpectedly (not contiguous or wrong size)");
        }
        return c.getDataAddress();
    }

    private static void patch(Path h5, Targets t, ExportRun run, int cells) throws IOException {
        int cols = 3 + SummaryColumns.ALL.size();
        try (FileChannel ch = FileChannel.open(h5, StandardOpenOption.WRITE)) {
            int framesPerBuffer = Math.max(1, PATCH_BUFFER / (cells * Float.BYTES));
            ByteBuffer frameBuf = ByteBuffer.allocateDirect(framesPerBuffer * cells * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            ColumnPatcher[] columns = new ColumnPatcher[cols];
            columns[0] = new ColumnPatcher(ch, t.time());
            columns[1] = new ColumnPatcher(ch, t.index());
            for (int i = 0; i < t.summary().length; i++) {
                columns[2 + i] = new ColumnPatcher(ch, t.summary()[i]);
            }
            long[] frameStart = {0};
            run.writePass(f -> {
                try {
                    if (frameBuf.remaining() < cells * Float.BYTES) {
                        frameStart[0] = flushFrames(ch, frameBuf, t.pressure(), frameStart[0], cells);
                    }
                    frameBuf.asFloatBuffer().put(f.kpa());
                    frameBuf.position(frameBuf.position() + cells * Float.BYTES);
                    columns[0].putDouble(run.seconds(f.deviceTimeUs()));
                    columns[1].putLong(f.index());
                    for (int i = 0; i < SummaryColumns.ALL.size(); i++) {
                        columns[2 + i].putDouble(SummaryColumns.ALL.get(i).value().applyAsDouble(f));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            flushFrames(ch, frameBuf, t.pressure(), frameStart[0], cells);
            for (ColumnPatcher c : columns) {
                if (c != null) {
                    c.flush();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long flushFrames(FileChannel ch, ByteBuffer buf, long base, long firstFrame, int cells)
            throws IOException {
        buf.flip();
        long frames = buf.remaining() / ((long) cells * Float.BYTES);
        long pos = base + firstFrame * cells * Float.BYTES;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
        buf.clear();
        return firstFrame + frames;
    }

    /** Buffers one 8-byte-per-frame column and writes it at its dataset's address. */
    private static final class ColumnPatcher {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(COLUMN_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private long pos;

        ColumnPatcher(FileChannel ch, long address) {
            this.ch = ch;
            this.pos = address;
        }

        void putDouble(double v) throws IOException {
            if (!buf.hasRemaining()) {
                flush();
            }
            buf.putDouble(v);
        }

        void putLong(long v) throws IOException {
            if (!buf.hasRemaining()) {
                flush();
            }
            buf.putLong(v);
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            buf.clear();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
