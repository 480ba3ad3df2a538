package io.tactus.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.session.export.RecordingExportSource;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog never replaces a file unless "Replace existing files" is ticked (issue 8, 2.10). */
class ExportReplaceTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    Path dir;

    @Test
    void anExistingFileStopsTheExportUntilReplaceIsTicked() throws Exception {
        Path sample = SAMPLES.resolve("spine-contact.tactus");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path theirs = out.resolve("s.csv.json");
        Files.writeString(theirs, "not ours");
        ExportViewModel vm = new ExportViewModel(Threads.inline(),
                () -> RecordingExportSource.open(sample, SignalPipeline::new), "s", out);
        vm.start(); // inline threads: runs to the end here
        assertFalse(vm.doneProperty().get());
        assertTrue(vm.messageProperty().get().contains("s.csv.json already exists"), vm.messageProperty().get());
        assertEquals("not ours", Files.readString(theirs));

        vm.replaceExistingProperty().set(true);
        vm.start();
        assertTrue(vm.doneProperty().get(), vm.messageProperty().get());
        assertTrue(Files.readString(theirs).contains("\"files\""));
    }
}
