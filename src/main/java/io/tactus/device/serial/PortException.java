package io.tactus.device.serial;

/** A port that could not be opened, with a one-line reason a user can act on. */
public final class PortException extends Exception {

    /** Why, coarsely: decides whether the source gives up (first connect) or keeps waiting (reconnect). */
    public enum Reason {
        NOT_FOUND,
        NOT_A_SERIAL_PORT,
        PERMISSION_DENIED,
        BUSY,
        OTHER
    }

    private final Reason reason;

    public PortException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Maps a failed open's errno (jSerialComm getLastErrorCode on Linux/macOS) to a user-readable line. */
    public static PortException fromErrno(String path, int errno) {
        return switch (errno) {
            case 2, 19 -> new PortException(Reason.NOT_FOUND, path + ": no such serial port");
            case 13, 1 -> new PortException(Reason.PERMISSION_DENIED, path + ": permission denied"
                    + " (on Linux add yourself to the dialout group: sudo usermod -aG dialout $USER, then log in"
                    + " again; or install a udev rule, see docs/DEVICE.md)");
            case 11, 16 -> new PortException(Reason.BUSY, path + ": port is busy (already open in another program or connection)");
            case 21 -> new PortException(Reason.NOT_A_SERIAL_PORT, path + ": not a serial port (a directory)");
            case 6, 25 -> new PortException(Reason.NOT_A_SERIAL_PORT, path + ": not a serial port");
            default -> new PortException(Reason.OTHER, path + ": cannot open serial port (error " + errno + ")");
        };
    }
}
