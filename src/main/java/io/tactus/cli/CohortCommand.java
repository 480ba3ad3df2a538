package io.tactus.cli;

import io.tactus.library.Cohort;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tactus cohort`: one table for many sessions (CSV or Parquet), for researchers. */
@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = {"Write one table (CSV or Parquet) of every recording under the folders.",
            "All cores analyse every *.tactus file; one row per session (metadata, integrity, scores, per-region",
            "statistics), or with --events one row per event; the format follows the extension of --out. An",
            "unreadable file becomes a row with its error. Progress on stderr."})
public final class CohortCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "FILE.csv|FILE.parquet", required = true)
    Path out;

    @Option(names = "--events", description = "one row per flag event instead of one per session")
    boolean events;

    @Option(names = "--profile", paramLabel = "ID",
            description = "detection profile for every session; default: each recording's own")
    String profile;

    @Option(names = "--threads", paramLabel = "N", description = "analysis threads (default: all cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        try {
            Cohort.formatOf(out);
            if (profile != null) {
                io.tactus.session.FileAnalysis.pipelines(profile);
            }
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
        }
        int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        Cohort.Result r = Cohort.write(dirs, out, events, profile, n,
                quiet ? null : new StderrProgress(spec.commandLine().getErr(), "cohort"));
        spec.commandLine().getOut().println(r.file());
        spec.commandLine().getErr().printf(Locale.ROOT, "cohort: %d rows, %d recordings (%d damaged, %d unreadable)%n",
                r.rows(), r.sessions(), r.damaged(), r.unreadable());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return 0;
    }
}
