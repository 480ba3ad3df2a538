package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.session.RecordType;
import io.tactus.session.RecordingBytes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** info, analyze and export on damaged or crafted recordings: damage is reported, never a crash or silence. */
class DamagedRecordingCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = TactusCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shortCorruptAndLossRecordsDoNotCrashInfoAnalyzeOrExport() throws Exception {
        Path f = RecordingBytes.grid4x4(30)
                .record(RecordType.CORRUPT, new byte[3])
                .record(RecordType.LOSS, new byte[8])
                .write(dir.resolve("short.tactus"));
        for (String[] args : new String[][] {
            {"info", f.toString()},
            {"info", f.toString(), "--verify", "--json"},
            {"analyze", f.toString()},
            {"analyze", f.toString(), "--json"},
            {"export", f.toString(), "--format", "csv", "--out", dir.resolve("out").toString(), "--quiet"},
        }) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("tactus: 8"), r.err());
        }
    }
}
