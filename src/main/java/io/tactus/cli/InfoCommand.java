package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a recording's metadata and integrity (not built yet).")
public final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus info: not built yet");
        return 3;
    }
}
