package io.tactus.session.export;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A deterministic session for tests and benchmarks: raw frames with a pressure blob moving over the grid, run
 * through the real {@link SignalPipeline} on every pass (so nothing is held in memory, like a recording).
 */
public final class SyntheticExportSource implements ExportSource {

    private final ExportMetadata metadata;
    private final long frames;
    private final long periodUs;
    private final long startUs;
    private final List<FlagEvent> events;
    private final List<ExportAnnotation> annotations;
    private final boolean announceCount;
    private int passes;

    public SyntheticExportSource(ExportMetadata metadata, long frames, List<FlagEvent> events,
                                 List<ExportAnnotation> annotations, boolean announceCount) {
        this.metadata = metadata;
        this.frames = frames;
        this.periodUs = Math.round(1e6 / metadata.descriptor().rateHz());
        this.startUs = 5_000_000L; // device clocks do not start at 0: times must be made relative
        this.events = List.copyOf(events);
        this.annotations = List.copyOf(annotations);
        this.announceCount = announceCount;
    }

    public static DeviceDescriptor grid(int rows, int cols, double rateHz) {
        return new DeviceDescriptor(1, "tactus-sim", "SN-0042", "1.2.3", DeviceDescriptor.LAYOUT_GRID, rows, cols,
                new double[] {10.0, 12.5}, 12, rateHz, null, DeviceDescriptor.CalibrationSpec.linear(0.05, 0));
    }

    /** A small session with metadata, events and annotations (with characters CSV must quote). */
    public static SyntheticExportSource small(int rows, int cols, long frames) {
        DeviceDescriptor d = grid(rows, cols, 100);
        ExportMetadata m = new ExportMetadata(d, "T-17", "R-03", "gentle", Instant.parse("2026-03-01T10:15:30Z"),
                "0.1.0", "Anna Example, first lesson; said \"ouch\"", "/home/anna/lesson1.tactus");
        List<FlagEvent> ev = List.of(
                new FlagEvent(io.tactus.signal.flags.FlagType.SPINE_CONTACT, 5_000_000L + 20_000, 5_000_000L + 90_000,
                        io.tactus.signal.body.BodyRegion.SPINE, 42.5, "thumb on T10"),
                new FlagEvent(io.tactus.signal.flags.FlagType.EXCESS_PRESSURE, 5_000_000L + 150_000, FlagEvent.OPEN,
                        io.tactus.signal.body.BodyRegion.SHOULDER_L, 180.25, "limit 150 kPa"));
        List<ExportAnnotation> notes = List.of(new ExportAnnotation(5_000_000L + 30_000, "good, \"slower\"\nnow"),
                new ExportAnnotation(5_000_000L + 100_000, "Anna: relax the wrist"));
        return new SyntheticExportSource(m, frames, ev, notes, false);
    }

    public SyntheticExportSource withAnnouncedCount() {
        return new SyntheticExportSource(metadata, frames, events, annotations, true);
    }

    @Override
    public ExportMetadata metadata() {
        return metadata;
    }

    @Override
    public void forEachFrame(Consumer<FrameSnapshot> consumer) {
        passes++;
        DeviceDescriptor d = metadata.descriptor();
        SignalPipeline core = new SignalPipeline(d);
        int rows = d.rows();
        int cols = d.cols();
        for (long i = 0; i < frames; i++) {
            int[] counts = new int[rows * cols];
            double cy = (rows - 1) * (0.5 + 0.4 * Math.sin(i * 0.013));
            double cx = (cols - 1) * (0.5 + 0.4 * Math.cos(i * 0.007));
            double amp = 1500 + 1200 * Math.sin(i * 0.05);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double dist2 = (r - cy) * (r - cy) + (c - cx) * (c - cx);
                    if (dist2 < 16) {
                        counts[r * cols + c] = (int) (amp * Math.exp(-dist2 / 6.0)) + (int) ((i + r + c) % 7);
                    }
                }
            }
            core.process(new RawFrame(i, startUs + i * periodUs, 0, counts));
            consumer.accept(core.snapshot());
        }
    }

    /** Collects one pass (small sessions only): the expected values for assertions. */
    public List<FrameSnapshot> snapshots() {
        List<FrameSnapshot> all = new ArrayList<>();
        forEachFrame(all::add);
        passes--;
        return all;
    }

    public int passes() {
        return passes;
    }

    @Override
    public List<FlagEvent> events() {
        return events;
    }

    @Override
    public List<ExportAnnotation> annotations() {
        return annotations;
    }

    @Override
    public OptionalLong knownFrameCount() {
        return announceCount ? OptionalLong.of(frames) : OptionalLong.empty();
    }

    @Override
    public OptionalLong estimatedFrameCount() {
        return OptionalLong.of(frames);
    }

    @Override
    public boolean eventsKnownBeforePass() {
        return true;
    }
}
