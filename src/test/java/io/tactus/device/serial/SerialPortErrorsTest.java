package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Paths that are not serial ports, through the real jSerialComm connector: one line, no retry. */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SerialPortErrorsTest {

    @TempDir
    Path dir;

    private String failureFor(String path) throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource s = new SerialPacketSource(path, SerialOptions.defaults())) {
            s.start(sink);
            sink.awaitState(SourceState.FAILED, 1);
            String msg = s.status().message();
            assertFalse(msg.contains("\n"), "one line: " + msg);
            assertTrue(msg.startsWith(path), msg);
            return msg;
        }
    }

    @Test
    void aRegularFileIsNotASerialPort() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertTrue(failureFor(f.toString()).endsWith("not a serial port"));
    }

    @Test
    void aDirectoryIsNotASerialPort() throws Exception {
        assertTrue(failureFor(dir.toString()).contains("not a serial port"));
    }

    @Test
    void aMissingPathSaysSo() throws Exception {
        assertTrue(failureFor(dir.resolve("ttyNOPE").toString()).endsWith("no such serial port"));
    }

    @Test
    void permissionDeniedNamesTheDialoutGroup() {
        PortException e = PortException.fromErrno("/dev/ttyUSB0", 13);
        assertEquals(PortException.Reason.PERMISSION_DENIED, e.reason());
        assertTrue(e.getMessage().contains("dialout"));
    }

    @Test
    void textGridSizesParse() {
        WireFormat f = WireFormat.parseText("16x12");
        assertEquals(16, f.rows());
        assertEquals(12, f.cols());
        assertThrows(IllegalArgumentException.class, () -> WireFormat.parseText("16"));
        assertThrows(IllegalArgumentException.class, () -> WireFormat.parseText("0x4"));
        assertThrows(IllegalArgumentException.class, () -> WireFormat.parseText("99999x99999"));
    }
}
