package io.tactus.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.util.List;

/** The real connector: jSerialComm, semi-blocking reads, bounded blocking writes. */
final class JSerialCommConnector implements SerialConnector {

    private final SerialOptions options;

    JSerialCommConnector(SerialOptions options) {
        this.options = options;
    }

    @Override
    public SerialChannel open(String typed) throws PortException {
        // jSerialComm reads a name without a slash as /dev/NAME: make a relative path to a real file absolute.
        String path = SerialPorts.absoluteIfFile(typed);
        if (!SerialPorts.exists(path)) {
            throw new PortException(PortException.Reason.NOT_FOUND, path + ": no such serial port");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new PortException(PortException.Reason.NOT_FOUND, path + ": no such serial port");
        }
        port.setComPortParameters(options.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                options.readTimeoutMs(), options.writeTimeoutMs());
        if (!port.openPort()) {
            PortException e = PortException.fromErrno(path, port.getLastErrorCode());
            if (e.reason() == PortException.Reason.NOT_FOUND && SerialPorts.exists(path)) {
                // jSerialComm reports ENOENT when this same process already holds the port open.
                e = PortException.fromErrno(path, 16);
            }
            throw e;
        }
        return new Channel(port);
    }

    @Override
    public List<PortInfo> ports() {
        return SerialPorts.list();
    }

    private static final class Channel implements SerialChannel {
        private final SerialPort port;

        Channel(SerialPort port) {
            this.port = port;
        }

        @Override
        public String systemPath() {
            return port.getSystemPortPath();
        }

        @Override
        public int read(byte[] buf) {
            return port.readBytes(buf, buf.length);
        }

        @Override
        public int write(byte[] buf, int len) {
            return port.writeBytes(buf, len);
        }

        @Override
        public void close() {
            // Closing also stops jSerialComm's disconnect-event storm (stack notes); we use no listener anyway.
            port.closePort();
        }
    }
}
