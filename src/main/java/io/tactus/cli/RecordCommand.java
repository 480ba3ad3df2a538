package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Record a session from a serial device (not built yet).")
public final class RecordCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus record: not built yet");
        return 3;
    }
}
