package io.tactus.device.serial;

import java.util.List;
import java.util.Optional;

/**
 * What makes a USB serial device "the same device" after a replug: its USB serial number, or when it has
 * none its VID:PID. Used so that a device that comes back as /dev/ttyACM1 is found again, and so that another
 * adapter that takes over /dev/ttyACM0 is not mistaken for it.
 */
public record DeviceIdentity(int vendorId, int productId, String serialNumber) {

    /** The identity of a USB port, or empty for a port that is not USB (a pty, an on-board UART). */
    public static Optional<DeviceIdentity> of(PortInfo port) {
        return port != null && port.isUsb()
                ? Optional.of(new DeviceIdentity(port.vendorId(), port.productId(), port.serialNumber()))
                : Optional.empty();
    }

    public boolean hasSerialNumber() {
        return serialNumber != null && !serialNumber.isEmpty();
    }

    public boolean matches(PortInfo port) {
        if (port == null || port.vendorId() != vendorId || port.productId() != productId) {
            return false;
        }
        return !hasSerialNumber() || serialNumber.equals(port.serialNumber());
    }

    /**
     * Which path to reopen after the device vanished. The typed path wins when the port there is this device
     * (or is not enumerated at all, as for a pty); otherwise the device is searched by identity. Without a
     * serial number a VID:PID match elsewhere is only trusted when it is unique, so two identical adapters are
     * never swapped.
     *
     * @param remembered the identity seen at the first connect, or null for a non-USB port
     * @param atTypedPath the enumerated port at the typed path now, or null if none is there
     * @return the path to try, or empty to wait and look again
     */
    public static Optional<String> resolve(String typedPath, DeviceIdentity remembered, PortInfo atTypedPath,
                                           List<PortInfo> ports) {
        if (remembered == null) {
            return Optional.of(typedPath);
        }
        if (atTypedPath != null && remembered.matches(atTypedPath)) {
            return Optional.of(typedPath);
        }
        List<PortInfo> matches = ports.stream().filter(remembered::matches).toList();
        if (matches.size() == 1 || (remembered.hasSerialNumber() && !matches.isEmpty())) {
            return Optional.of(matches.get(0).path());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        String id = String.format("%04x:%04x", vendorId, productId);
        return hasSerialNumber() ? id + " serial " + serialNumber : id;
    }
}
