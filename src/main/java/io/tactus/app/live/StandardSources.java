package io.tactus.app.live;

import io.tactus.device.serial.PortInfo;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SerialPorts;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.SimulatedSource;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import java.util.List;

/**
 * Opens live feeds for the device picker's choices: serial ports and (when built in) the simulator. Everything here may block briefly (port enumeration, port
 * open): call it from a background thread.
 */
public final class StandardSources implements Sources {

    private final java.util.function.Supplier<io.tactus.signal.SignalSettings> signal;

    /** Pipelines with the core's defaults. */
    public StandardSources() {
        this(io.tactus.signal.SignalSettings::defaults);
    }

    /** @param signal settings for each new live pipeline (read when a device connects) */
    public StandardSources(java.util.function.Supplier<io.tactus.signal.SignalSettings> signal) {
        this.signal = signal;
    }

    private java.util.function.Function<io.tactus.protocol.DeviceDescriptor, SignalPipeline> pipelines() {
        io.tactus.signal.SignalSettings s = signal.get();
        return d -> new SignalPipeline(d, s);
    }

    @Override
    public List<String> scenarios() {
        return Scenarios.names();
    }

    @Override
    public String defaultScenario() {
        // The scripted mistakes (spine, shoulder blade, too hard) show every kind of alert within a minute.
        return Scenarios.MISTAKES;
    }

    @Override
    public boolean simulatorAvailable() {
        return true;
    }

    @Override
    public List<PortInfo> ports() {
        return SerialPorts.list();
    }

    @Override
    public FrameFeed open(DeviceChoice choice) throws Exception {
        if (choice instanceof DeviceChoice.SerialPort s) {
            if (s.path() == null || s.path().isBlank()) {
                throw new IllegalArgumentException("no port given: pick one or type its path");
            }
            return new LiveSessionFeed(new LiveSession(new SerialPacketSource(s.path().trim(),
                    SerialOptions.defaults()), pipelines()), "factory (from the device)").start();
        }
        if (choice instanceof DeviceChoice.Simulator sim) {
            // Looping, so a trainee can keep practising against the script.
            SimulatedSource source = new SimulatedSource(ScenarioStream.open(sim.scenario(),
                    SimOptions.defaults().withLoop(true)), 1.0);
            return new LiveSessionFeed(new LiveSession(source, pipelines()), "factory (simulated)").start();
        }
        throw new IllegalArgumentException("a recording opens in the Replay tab, not as a live device");
    }
}
