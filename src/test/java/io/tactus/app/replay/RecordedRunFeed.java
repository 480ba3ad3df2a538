package io.tactus.app.replay;

import io.tactus.app.live.FeedEvent;
import io.tactus.app.live.FeedStats;
import io.tactus.app.live.FrameFeed;
import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.session.CoachingState;
import io.tactus.session.CommandRecord;
import io.tactus.session.PipelineCommands;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingReader;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import io.tactus.signal.technique.MovementFeedback;
import io.tactus.signal.technique.TechniqueListener;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * A recording played into the live view as if it came from the device: one straight run of a fresh signal core
 * over the file's packets (recorded commands applied before the packet they were applied before live), stepped by
 * the test one frame at a time. After every frame it publishes what a live session publishes: the snapshot, the
 * flag events, one movement event per movement and the coaching picture (here after every frame; a live session
 * throttles it to 20 per second while a hand moves). The oracle for "the replay shows what the live view showed".
 * One sensor (no re-HELLO of another size), as the sample recordings.
 */
final class RecordedRunFeed implements FrameFeed {

    private final RecordingReader reader;
    private final RecordingReader.Cursor cursor;
    private final List<CommandRecord> commands;
    private final FrameAssembler assembler;
    private final Queue<FeedEvent> events = new ArrayDeque<>();
    private SignalPipeline pipeline;
    private RecordedPacket next;
    private int nextCommand;
    private FrameSnapshot latest;
    private long version;
    private CoachingState coaching;
    private long coachingVersion;
    private long frameUs = -1;
    private int movements;

    RecordedRunFeed(Path file) throws Exception {
        reader = RecordingReader.open(file);
        cursor = reader.cursor();
        commands = new ArrayList<>(reader.commands());
        commands.sort(Comparator.comparingLong(CommandRecord::beforePacket));
        DeviceDescriptor initial = reader.metadata().device();
        assembler = new FrameAssembler(new FrameListener() {
            @Override
            public void onDescriptor(DeviceDescriptor d) {
                if (pipeline == null) {
                    install(d);
                }
            }

            @Override
            public void onFrame(RawFrame f) {
                pipeline.process(f);
                frameUs = f.deviceTimeUs();
                latest = pipeline.snapshot();
                version++;
                coaching = new CoachingState(pipeline.technique(), pipeline.routineProgress());
                coachingVersion++;
            }

            @Override
            public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
                if (pipeline != null) {
                    pipeline.onMarker(deviceTimeUs, marker);
                }
            }
        }, initial);
        if (initial != null) {
            install(initial);
        }
        next = cursor.next();
    }

    private void install(DeviceDescriptor d) {
        pipeline = new SignalPipeline(d);
        pipeline.addListener(new FlagListener() {
            @Override
            public void onFlagStart(FlagEvent e) {
                events.add(new FeedEvent.FlagStarted(e, 0));
            }

            @Override
            public void onFlagEnd(FlagEvent e) {
                events.add(new FeedEvent.FlagEnded(e));
            }
        });
        pipeline.addTechniqueListener(new TechniqueListener() {
            @Override
            public void onMovement(MovementFeedback f) {
                movements++;
                events.add(new FeedEvent.Movement(f));
            }
        });
    }

    /** Feeds packets until the next frame is processed; returns its device time, or -1 at the end of the file. */
    long nextFrame() {
        long before = version;
        while (next != null && version == before) {
            while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() <= next.ordinal()) {
                PipelineCommands.apply(pipeline, commands.get(nextCommand++).command());
            }
            assembler.accept(next.timed());
            next = cursor.next();
        }
        return version == before ? -1 : frameUs;
    }

    /** Movements the core has ended so far. */
    int movements() {
        return movements;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public FrameSnapshot latest() {
        return latest;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public DeviceDescriptor descriptor() {
        return pipeline == null ? null : pipeline.descriptor();
    }

    @Override
    public FeedStats stats() {
        return new FeedStats(SourceState.CONNECTED, "", version, 0, 0, 0, 0, "recorded", -1, 0);
    }

    @Override
    public void drainEvents(Consumer<FeedEvent> sink) {
        FeedEvent e;
        while ((e = events.poll()) != null) {
            sink.accept(e);
        }
    }

    @Override
    public CoachingState coaching() {
        return coaching;
    }

    @Override
    public long coachingVersion() {
        return coachingVersion;
    }

    @Override
    public void close() {
        reader.close();
    }
}
