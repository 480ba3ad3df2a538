package io.tactus.app;

import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.FrameFeed;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.session.LiveSession;
import io.tactus.app.live.Sources;
import io.tactus.device.serial.PortInfo;
import io.tactus.signal.SignalPipeline;
import java.util.List;
import java.util.function.Supplier;

/** Sources for UI tests: the "simulator" choice opens a given feed (synthetic unless told otherwise). */
final class TestSources implements Sources {

    private final Supplier<FrameFeed> feed;

    TestSources(Supplier<FrameFeed> feed) {
        this.feed = feed;
    }

    static TestSources synthetic(int rows, int cols, double hz) {
        return new TestSources(() -> new LiveSessionFeed(new LiveSession(new SyntheticSource(rows, cols, hz), SignalPipeline::new), "test").start());
    }

    @Override
    public List<String> scenarios() {
        return List.of("synthetic");
    }

    @Override
    public String defaultScenario() {
        return "synthetic";
    }

    @Override
    public boolean simulatorAvailable() {
        return true;
    }

    @Override
    public List<PortInfo> ports() {
        return List.of();
    }

    @Override
    public FrameFeed open(DeviceChoice choice) {
        return feed.get();
    }
}
