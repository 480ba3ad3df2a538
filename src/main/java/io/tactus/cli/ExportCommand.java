package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a recording for analysis tools (not built yet).")
public final class ExportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus export: not built yet");
        return 3;
    }
}
