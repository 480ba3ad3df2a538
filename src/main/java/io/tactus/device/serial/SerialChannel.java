package io.tactus.device.serial;

/**
 * An open serial port as the reader sees it. Reads are semi-blocking: they return as soon as bytes are
 * available or after the read timeout with 0. A negative read or a short write means the port is gone.
 */
interface SerialChannel {

    /** The port's resolved system path (a typed symlink resolves to e.g. /dev/pts/3). */
    String systemPath();

    /** @return bytes read (> 0), 0 on timeout, or -1 when the port is gone */
    int read(byte[] buf);

    /** @return bytes written; fewer than {@code len} means the port is gone or stuck */
    int write(byte[] buf, int len);

    /** Idempotent. */
    void close();
}
