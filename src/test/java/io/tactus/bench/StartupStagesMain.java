package io.tactus.bench;

import io.tactus.cli.InfoCommand;
import io.tactus.cli.TactusCli;
import io.tactus.session.RecordingReader;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The floor rows of bench/startup.sh: a fresh JVM does `tactus info`'s start-up work up to one stage and exits, so
 * the difference between two rows is what that stage costs at a cold start (docs/BENCHMARKS.md, "Cold start").
 * Stages, each including the ones before: {@code main} (an empty main from the same class path: the JVM and the
 * 46 MB jar), {@code picocli} (the CLI model of `tactus info` built from its annotations, the arguments parsed),
 * {@code metadata} (the recording opened: header, index, metadata JSON through the one Jackson mapper). The whole
 * command adds the pass over every packet and the output. Arguments: STAGE FILE.
 */
public final class StartupStagesMain {

    private StartupStagesMain() {
    }

    public static void main(String[] args) throws Exception {
        String stage = args[0];
        Path file = Path.of(args[1]);
        if (stage.equals("main")) {
            return;
        }
        // What TactusCli.run builds for `info FILE` (the root command with only the named subcommand).
        new CommandLine(new TactusCli()).addSubcommand(InfoCommand.class).parseArgs("info", file.toString());
        if (stage.equals("picocli")) {
            return;
        }
        try (RecordingReader r = RecordingReader.open(file)) {
            if (r.metadata() == null) {
                throw new IllegalStateException(file + ": no metadata");
            }
        }
        if (!stage.equals("metadata")) {
            throw new IllegalArgumentException("stage: main, picocli or metadata, not " + stage);
        }
    }
}
