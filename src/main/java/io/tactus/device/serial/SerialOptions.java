package io.tactus.device.serial;

import java.time.Duration;

/**
 * How a serial source talks to its port.
 *
 * @param format          binary protocol, DIY text lines, or detect from the first bytes
 * @param baud            line speed (ignored by USB CDC devices and ptys, needed by USB-UART bridges)
 * @param readTimeoutMs   semi-blocking read timeout; bounds how long close() waits for the reader
 * @param writeTimeoutMs  bound on a blocking write, so a device that stops reading cannot hang a sender
 * @param backoffMin      first wait before reopening a vanished port
 * @param backoffMax      longest wait between reopen attempts
 * @param handshake       send REQUEST_HELLO + START after each (re)connect (never in forced text mode)
 */
public record SerialOptions(WireFormat format, int baud, int readTimeoutMs, int writeTimeoutMs,
                            Duration backoffMin, Duration backoffMax, boolean handshake) {

    /** The reference Arduino sketch's rate and the usual DIY one; irrelevant for native USB (CDC-ACM) and ptys. */
    public static final int DEFAULT_BAUD = 115_200;

    public SerialOptions {
        if (baud <= 0 || readTimeoutMs <= 0 || writeTimeoutMs <= 0) {
            throw new IllegalArgumentException("baud and timeouts must be > 0");
        }
        if (backoffMin.isNegative() || backoffMin.isZero() || backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("need 0 < backoffMin <= backoffMax");
        }
    }

    public static SerialOptions defaults() {
        return new SerialOptions(WireFormat.auto(), DEFAULT_BAUD, 100, 500, Duration.ofMillis(100),
                Duration.ofSeconds(2), true);
    }

    public SerialOptions withFormat(WireFormat f) {
        return new SerialOptions(f, baud, readTimeoutMs, writeTimeoutMs, backoffMin, backoffMax, handshake);
    }

    public SerialOptions withBaud(int b) {
        return new SerialOptions(format, b, readTimeoutMs, writeTimeoutMs, backoffMin, backoffMax, handshake);
    }

    public SerialOptions withHandshake(boolean h) {
        return new SerialOptions(format, baud, readTimeoutMs, writeTimeoutMs, backoffMin, backoffMax, h);
    }

    public SerialOptions withBackoff(Duration min, Duration max) {
        return new SerialOptions(format, baud, readTimeoutMs, writeTimeoutMs, min, max, handshake);
    }
}
