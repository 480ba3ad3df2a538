package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Stream a simulated session over a serial port (not built yet).")
public final class SimulateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus simulate: not built yet");
        return 3;
    }
}
