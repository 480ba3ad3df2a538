package io.tactus.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Serial port discovery through jSerialComm. Enumeration scans the OS device tree (a few milliseconds on
 * Linux, longer on Windows): callers on a UI thread run it in a background task. Pseudo-terminals (socat
 * pairs) are never listed; they are opened by typing their path.
 */
public final class SerialPorts {

    private SerialPorts() {
    }

    /** All ports the OS reports, sorted by path. */
    public static List<PortInfo> list() {
        List<PortInfo> out = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            out.add(info(p));
        }
        out.sort(Comparator.comparing(PortInfo::path));
        return out;
    }

    /**
     * Registers a shutdown hook that runs before jSerialComm's own clean-up closes the ports. A hook added with
     * {@code Runtime.addShutdownHook} races that clean-up, so on Ctrl-C a reader could see its port "vanish"
     * before the hook tells it to stop. jSerialComm cannot remove such a hook: make it a no-op once done.
     */
    public static void addShutdownHook(Thread hook) {
        SerialPort.addShutdownHook(hook);
    }

    static PortInfo info(SerialPort p) {
        return new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getManufacturer(), p.getVendorID(),
                p.getProductID(), p.getSerialNumber(), p.getPortLocation());
    }

    /** The port in {@code ports} that {@code path} points to (after following symlinks), or null. */
    static PortInfo find(String path, List<PortInfo> ports) {
        String real = realPath(path);
        for (PortInfo p : ports) {
            if (p.path().equals(real) || p.path().equals(path)) {
                return p;
            }
        }
        return null;
    }

    /** Follows symlinks (a socat link, /dev/serial/by-id/...); returns the path unchanged if it cannot. */
    static String realPath(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return path;
        }
    }

    static String absoluteIfFile(String path) {
        try {
            Path p = Path.of(path);
            return Files.exists(p) ? p.toAbsolutePath().toString() : path;
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /** True when {@code path} names something on the file system (always true for non-file names like COM3). */
    static boolean exists(String path) {
        try {
            Path p = Path.of(path);
            return !p.isAbsolute() && !path.contains("/") || Files.exists(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
