package io.tactus.cli;

import io.tactus.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `tactus report`: a self-contained HTML (and optionally PDF) report per session. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report per session (and optionally a PDF).",
            "For someone who was not there: scores, what to work on next, pressure maps, flags with thumbnails,",
            "per-region table, movements, notes. One HTML file per recording (opens offline); --format pdf adds",
            "a PDF. The written paths go to stdout."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Tactus recordings (or raw wire captures)")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output directory (created if missing)")
    Path out;

    @Option(names = "--format", paramLabel = "html|pdf", split = ",", defaultValue = "html",
            description = "html (default), pdf, or html,pdf; pdf always comes with the html")
    List<String> formats;

    @Option(names = "--profile", paramLabel = "ID",
            description = "detection profile for the flags; default: each recording's own, else gentle")
    String profile;

    @Override
    public Integer call() throws Exception {
        List<ReportWriter.Format> wanted = new ArrayList<>();
        wanted.add(ReportWriter.Format.HTML);
        for (String f : formats) {
            switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "html" -> { }
                case "pdf" -> wanted.add(ReportWriter.Format.PDF);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format: '" + f + "' is not html or pdf");
            }
        }
        if (profile != null) {
            try {
                io.tactus.session.FileAnalysis.pipelines(profile);
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + bad.getMessage());
            }
        }
        Set<String> used = new HashSet<>();
        int failed = 0;
        for (Path f : files) {
            String base = io.tactus.session.export.FileExport.defaultBaseName(f);
            String unique = base;
            for (int i = 2; !used.add(unique); i++) {
                unique = base + "-" + i; // two FILEs with the same name from different folders
            }
            try {
                for (Path p : ReportWriter.write(f, profile, out, unique, wanted)) {
                    spec.commandLine().getOut().println(p);
                }
            } catch (java.io.IOException e) {
                // one bad file does not stop the others; the exit code says something failed
                spec.commandLine().getErr().println("tactus: " + f + ": " + e.getMessage());
                failed++;
            }
            spec.commandLine().getOut().flush();
        }
        return failed == 0 ? 0 : 1;
    }
}
