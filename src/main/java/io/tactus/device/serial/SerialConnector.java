package io.tactus.device.serial;

import java.util.List;

/** Opens ports and enumerates them; the seam that lets the reconnect logic be tested without hardware. */
interface SerialConnector {

    SerialChannel open(String path) throws PortException;

    List<PortInfo> ports();
}
