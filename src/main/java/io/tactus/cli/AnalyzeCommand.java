package io.tactus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** NOT BUILT YET: placeholder so the CLI tree is complete; replaced by the owning issue's work. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Re-run the signal core over a recording (not built yet).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tactus analyze: not built yet");
        return 3;
    }
}
