package io.tactus.cli;

import io.tactus.library.ProgressReport;
import io.tactus.library.SessionLibrary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `tactus progress`: a trainee's scores over their library sessions as an HTML page. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = {"Write a trainee's progress over their library sessions as one HTML file.",
            "Spine contacts per minute, excess seconds, time in band, balance and routine completion over",
            "sessions: a table and charts, self-contained like a report."})
public final class ProgressCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--trainee", paramLabel = "P", required = true, description = "trainee pseudonym")
    String trainee;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output directory")
    Path out;

    @CommandLine.Mixin
    LibraryCommand.DbOption db = new LibraryCommand.DbOption();

    @Override
    public Integer call() throws Exception {
        try (SessionLibrary lib = SessionLibrary.open(db.file())) {
            spec.commandLine().getOut().println(ProgressReport.write(lib, trainee, out));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
