package io.tactus.app.live;

import io.tactus.device.serial.PortInfo;
import java.util.List;

/** Where live feeds come from; replaced in tests. Methods may block: call them off the FX thread. */
public interface Sources {

    /** The simulator's scenarios, or an empty list when this build has no simulator. */
    List<String> scenarios();

    String defaultScenario();

    boolean simulatorAvailable();

    List<PortInfo> ports();

    FrameFeed open(DeviceChoice choice) throws Exception;
}
