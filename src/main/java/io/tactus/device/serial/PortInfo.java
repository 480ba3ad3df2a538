package io.tactus.device.serial;

/**
 * One serial port as the OS enumerates it.
 *
 * @param path         system path to open, e.g. /dev/ttyACM0 or COM3
 * @param description  the driver's or USB product description ("" when none)
 * @param manufacturer USB manufacturer ("" when none)
 * @param vendorId     USB vendor id, -1 when not a USB device
 * @param productId    USB product id, -1 when not a USB device
 * @param serialNumber USB serial number ("" when none or unknown)
 * @param location     bus location, e.g. "1-1.2" ("" when none)
 */
public record PortInfo(String path, String description, String manufacturer, int vendorId, int productId,
                       String serialNumber, String location) {

    public PortInfo {
        description = clean(description);
        manufacturer = clean(manufacturer);
        serialNumber = clean(serialNumber);
        location = clean(location);
    }

    public boolean isUsb() {
        return vendorId >= 0 && productId >= 0;
    }

    /** "0403:6001", or "" for a non-USB port. */
    public String vidPid() {
        return isUsb() ? String.format("%04x:%04x", vendorId, productId) : "";
    }

    private static String clean(String s) {
        // jSerialComm reports "Unknown" for missing strings; treat it as absent so it never matches.
        return s == null || s.isBlank() || s.equalsIgnoreCase("unknown") ? "" : s.trim();
    }
}
