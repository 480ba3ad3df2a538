package io.tactus.app.live;

import io.tactus.device.serial.PortInfo;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SerialPorts;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import java.util.List;

/**
 * Opens live feeds for the device picker's choices: serial ports and (when built in) the simulator. Everything here may block briefly (port enumeration, port
 * open): call it from a background thread.
 */
public final class StandardSources implements Sources {

    /** The simulator's scenarios, or an empty list when this build has no simulator. */
    @Override
    public List<String> scenarios() {
        return List.of();
    }

    @Override
    public String defaultScenario() {
        return null;
    }

    /** True when the built-in simulator is part of this build. */
    @Override
    public boolean simulatorAvailable() {
        return false;
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
                    SerialOptions.defaults()), SignalPipeline::new), "factory (from the device)").start();
        }
        if (choice instanceof DeviceChoice.Simulator) {
            throw new IllegalStateException("the simulator is not available in this build yet");
        }
        throw new IllegalArgumentException("a recording opens in the Replay tab, not as a live device");
    }
}
