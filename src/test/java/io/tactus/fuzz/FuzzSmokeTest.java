package io.tactus.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small seeded run of the fuzz harness (the full one is bench/fuzz.sh, docs/RELIABILITY.md): every entry point,
 * a few hundred inputs each, no unexpected exception, hang, OOM or silent wrong result.
 */
class FuzzSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyEntryPointSurvivesASeededSample() throws Exception {
        for (FuzzTarget t : Targets.all(dir)) {
            FuzzMain.Result r = FuzzMain.run(t, 60, 42, 30_000, dir);
            String row = FuzzMain.row(r);
            assertEquals(0, r.count(Outcome.UNEXPECTED), row);
            assertEquals(0, r.count(Outcome.HANG), row);
            assertEquals(0, r.count(Outcome.OOM), row);
            assertEquals(0, r.count(Outcome.SILENT_WRONG), row);
            assertEquals(60, r.inputs(), row);
        }
    }
}
