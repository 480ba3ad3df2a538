package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "ports", mixinStandardHelpOptions = true, description = "List serial ports (not built yet).")
public final class PortsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus ports: not built yet");
        return 3;
    }
}
