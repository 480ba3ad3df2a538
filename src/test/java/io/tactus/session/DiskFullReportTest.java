package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is reported once, through the status the caller shows (issue 8, 2.11): the writer does not also
 * log it as a warning, which the CLI's console logger would print a second (and third) time.
 */
class DiskFullReportTest {

    @TempDir
    Path dir;

    @Test
    void theDiskFullMessageIsCarriedByTheStatusNotLoggedAsAWarning() throws Exception {
        Logger logger = Logger.getLogger(RecordingWriter.class.getName());
        List<LogRecord> loud = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    loud.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(h);
        try {
            Path f = dir.resolve("full.tactus");
            AtomicReference<RecordingStatus> stopped = new AtomicReference<>();
            RecordingWriter w = new RecordingWriter(f, new FailingChannel(FileChannel.open(f,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE), 20_000), SessionMetadata.now(), 1 << 24,
                    stopped::set);
            ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults());
            Packet p;
            for (long n = 0; n < 500 && (p = s.next()) != null; n++) {
                w.offerPacket(n, new TimedPacket(p, n * 1_000_000));
            }
            assertTrue(eventually(() -> stopped.get() != null), "the recording stopped");
            String error = stopped.get().error();
            assertTrue(error.startsWith("recording stopped: cannot write " + f + " (disk full (no space left on device))"),
                    error);
            assertEquals(List.of(), loud.stream().map(LogRecord::getMessage).toList());
        } finally {
            logger.removeHandler(h);
        }
    }
}
