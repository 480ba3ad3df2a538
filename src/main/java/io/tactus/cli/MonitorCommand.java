package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "monitor", mixinStandardHelpOptions = true, description = "Connect to a device and print link statistics once a second (not built yet).")
public final class MonitorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus monitor: not built yet");
        return 3;
    }
}
