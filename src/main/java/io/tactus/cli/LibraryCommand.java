package io.tactus.cli;

import io.tactus.library.Indexer;
import io.tactus.protocol.Json;
import io.tactus.library.LibraryEntry;
import io.tactus.library.SessionLibrary;
import io.tactus.report.Fmt;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `tactus library add|refresh|list`: the session library (an embedded DuckDB database). */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = {"Index recordings in folders into the session library and list them.",
            "The library (an embedded database) holds metadata, scores, events and per-region statistics.",
            "Broken or partial recordings are listed with their problem."},
        subcommands = {LibraryCommand.Add.class, LibraryCommand.Refresh.class, LibraryCommand.ListCmd.class})
public final class LibraryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "add, refresh or list is required");
    }

    /** --db, shared by the library commands and `progress`. */
    static final class DbOption {
        @Option(names = "--db", paramLabel = "FILE",
                description = "library database (default: ~/.tactus/library.duckdb, or -Dtactus.home)")
        Path db;

        Path file() {
            return db != null ? db : SessionLibrary.defaultFile();
        }
    }

    static void printOutcomes(PrintWriter out, List<Path> folders, List<Indexer.Outcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            Indexer.Outcome o = outcomes.get(i);
            out.printf(Locale.ROOT, "%s: %d recordings, %d analysed, %d unchanged, %d removed, %d damaged,"
                    + " %d unreadable%n", i < folders.size() ? folders.get(i) : "folder", o.found(), o.analysed(),
                    o.unchanged(), o.removed(), o.damaged(), o.unreadable());
        }
        out.flush();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add folders to the library and index their *.tactus recordings (again: changed files only).")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "DIR", arity = "1..*")
        List<Path> dirs;
        @CommandLine.Mixin
        DbOption db = new DbOption();
        @Option(names = "--quiet", description = "no progress on stderr")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            try (SessionLibrary lib = SessionLibrary.open(db.file())) {
                List<Indexer.Outcome> o = lib.add(dirs, null, Runtime.getRuntime().availableProcessors(),
                        quiet ? null : new StderrProgress(spec.commandLine().getErr(), "library"));
                printOutcomes(spec.commandLine().getOut(), dirs, o);
            }
            return 0;
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Re-index every folder of the library (new, changed and removed files).")
    static final class Refresh implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        DbOption db = new DbOption();

        @Override
        public Integer call() throws Exception {
            try (SessionLibrary lib = SessionLibrary.open(db.file())) {
                List<Path> folders = new ArrayList<>(lib.folders().stream()
                        .filter(java.nio.file.Files::isDirectory).toList());
                for (Path f : lib.folders()) {
                    if (!java.nio.file.Files.isDirectory(f)) {
                        spec.commandLine().getErr().println("tactus: library folder is gone: " + f);
                    }
                }
                printOutcomes(spec.commandLine().getOut(), folders, lib.refresh(
                        Runtime.getRuntime().availableProcessors(),
                        new StderrProgress(spec.commandLine().getErr(), "library")));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the library's sessions, oldest first, with their scores and integrity.")
    static final class ListCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        DbOption db = new DbOption();
        @Option(names = "--trainee", paramLabel = "P", description = "only this trainee pseudonym")
        String trainee;
        @Option(names = "--profile", paramLabel = "ID", description = "only sessions analysed with this profile")
        String profile;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "started on or after this day (UTC)")
        String from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "started on or before this day (UTC)")
        String to;
        @Option(names = "--json", description = "one JSON array")
        boolean json;

        @Override
        public Integer call() throws Exception {
            for (String d : new String[] {from, to}) {
                if (d != null && !d.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "dates are YYYY-MM-DD: " + d);
                }
            }
            List<LibraryEntry> entries;
            try (SessionLibrary lib = SessionLibrary.open(db.file())) {
                entries = lib.list(new SessionLibrary.Query(trainee, profile, from, to));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (LibraryEntry e : entries) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", e.path().toString());
                    m.put("status", e.status());
                    m.put("problem", e.problem());
                    m.put("trainee", e.trainee());
                    m.put("receiver", e.receiver());
                    m.put("start_utc", e.startUtc());
                    m.put("device", e.device());
                    m.put("profile", e.profile());
                    m.put("sha256", e.sha256());
                    m.put("scores", e.scores() == null ? null : e.scores().toMap());
                    rows.add(m);
                }
                out.println(Json.MAPPER.writeValueAsString(rows));
            } else {
                out.printf("%-17s %-12s %-8s %7s %5s %5s %7s %6s %6s  %s  %s%n", "started (UTC)", "trainee",
                        "profile", "len s", "spine", "bone", "excess", "band", "left", "file", "status");
                for (LibraryEntry e : entries) {
                    var s = e.scores();
                    out.printf(Locale.ROOT, "%-17s %-12s %-8s %7s %5s %5s %7s %6s %6s  %s  %s%n",
                            Fmt.when(e.startUtc()).replace(" UTC", ""), Fmt.text(e.trainee()), Fmt.text(e.profile()),
                            s == null ? "-" : Fmt.d1(s.durationS()), s == null ? "-" : s.spineContacts(),
                            s == null ? "-" : s.boneContacts(), s == null ? "-" : Fmt.d1(s.excessS()),
                            s == null ? "-" : Fmt.pct(s.timeInBand()).replace(" ", ""),
                            s == null ? "-" : Fmt.pct(s.leftShare()).replace(" ", ""), e.path(), e.statusLine());
                }
                out.printf("%d sessions%n", entries.size());
            }
            out.flush();
            return 0;
        }
    }
}
