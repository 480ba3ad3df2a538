package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.serial.PortInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsCommandTest {

    @Test
    void listsPortsOrSaysNoneWithAHint() {
        MonitorCommandTest.Run r = MonitorCommandTest.tactus("ports");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("PATH") || r.out().startsWith(PortsCommand.NONE_FOUND), r.out());
        if (r.out().startsWith(PortsCommand.NONE_FOUND)) {
            assertTrue(r.out().contains("--port"), "hint about typed paths: " + r.out());
        }
    }

    @Test
    void theTableShowsIdentityColumns() {
        String t = PortsCommand.table(List.of(
                new PortInfo("/dev/ttyUSB0", "FT232R USB UART", "FTDI", 0x0403, 0x6001, "A10K5XYZ", "1-1.2"),
                new PortInfo("/dev/ttyS0", "Physical Port S0", "", -1, -1, "Unknown", "")));
        List<String> lines = t.lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).matches("/dev/ttyUSB0\\s+0403:6001\\s+A10K5XYZ\\s+FT232R USB UART \\(FTDI\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("/dev/ttyS0\\s+-\\s+-\\s+Physical Port S0"), lines.get(2));
    }
}
