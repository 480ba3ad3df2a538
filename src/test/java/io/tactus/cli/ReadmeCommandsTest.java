package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's "Headless commands" block is a promise: every command and option it shows exists, every example
 * value parses, and the help a user reads next is honest (profile ids that --profile accepts, whole sentences).
 */
class ReadmeCommandsTest {

    /** The command lines of the README block, e.g. "tactus analyze  FILE [--profile gentle] [--json]". */
    static List<String> readmeCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Headless commands");
        assertTrue(section >= 0, "README has a Headless commands section");
        int open = readme.indexOf("```bash\n", section);
        int close = readme.indexOf("```", open + 8);
        List<String> lines = new ArrayList<>();
        for (String line : readme.substring(open + 8, close).split("\n")) {
            String cmd = line.replaceFirst("\\s+#.*$", "").strip();
            if (cmd.startsWith("tactus ")) {
                lines.add(cmd);
            }
        }
        assertTrue(lines.size() >= 7, "the block lists the commands: " + lines);
        return lines;
    }

    /** Placeholders in the README and a value of the right kind for each. */
    private static String concrete(String token) {
        return switch (token) {
            case "FILE" -> "session.tactus";
            case "DIR" -> "out";
            case "S" -> "5";
            default -> token;
        };
    }

    /**
     * Every alternative spelled out: "[--ascii 16x16]" is optional (tried with and without is not needed: picocli
     * parses each option on its own), "csv|mat|hdf5|asf" is one argument list per alternative.
     */
    static List<List<String>> argumentLists(String readmeLine) {
        String[] tokens = readmeLine.replace("[", " ").replace("]", " ").strip().split("\\s+");
        List<List<String>> lists = new ArrayList<>();
        lists.add(new ArrayList<>());
        for (int i = 1; i < tokens.length; i++) { // tokens[0] is "tactus"
            String[] alternatives = tokens[i].startsWith("--") ? new String[] {tokens[i]} : tokens[i].split("\\|");
            List<List<String>> next = new ArrayList<>();
            for (List<String> l : lists) {
                for (String alt : alternatives) {
                    List<String> copy = new ArrayList<>(l);
                    copy.add(concrete(alt));
                    next.add(copy);
                }
            }
            lists = next;
        }
        return lists;
    }

    @Test
    void everyDocumentedCommandAndOptionExistsAndItsExampleValuesParse() throws IOException {
        CommandLine root = TactusCli.newCommandLine();
        for (String line : readmeCommands()) {
            String name = line.split("\\s+")[1];
            CommandLine sub = root.getSubcommands().get(name);
            assertNotNull(sub, "README command `" + name + "` exists");
            Matcher opt = Pattern.compile("--[a-z][a-z-]*").matcher(line);
            while (opt.find()) {
                assertNotNull(sub.getCommandSpec().findOption(opt.group()), "`" + name + " " + opt.group() + "` exists");
            }
            String help = run("tactus", name, "--help");
            opt.reset();
            while (opt.find()) {
                assertTrue(help.contains(opt.group()), "`" + name + " --help` shows " + opt.group() + ":\n" + help);
            }
            for (List<String> args : argumentLists(line)) {
                try {
                    TactusCli.newCommandLine().parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    fail("README line `" + line + "` as " + args + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void documentedProfileValuesAreAccepted() throws IOException {
        for (String line : readmeCommands()) {
            Matcher m = Pattern.compile("--profile\\s+([A-Za-z_]+)").matcher(line);
            while (m.find()) {
                assertEquals(m.group(1), Profiles.byId(m.group(1)).id(), line);
            }
        }
    }

    @Test
    void profileHelpListsExactlyTheIdsProfileAccepts() {
        List<String> ids = Profiles.builtIn().stream().map(Profile::id).toList();
        for (String command : List.of("analyze", "export", "record")) {
            String option = run("tactus", command, "--help").replaceAll("\\s+", " ");
            for (String id : ids) {
                assertTrue(option.contains(id), command + " --help names profile " + id + ": " + option);
                assertEquals(id, Profiles.byId(id).id());
            }
            Matcher listed = Pattern.compile("Detection profile[^:]*: ([a-z_, ]+) \\(").matcher(option);
            assertTrue(listed.find(), option);
            assertEquals(ids, List.of(listed.group(1).split(", ")), "only ids the registry has: " + option);
        }
    }

    @Test
    void commandSummariesAreWholeSentences() {
        CommandLine root = TactusCli.newCommandLine();
        root.getSubcommands().forEach((name, sub) -> {
            // What picocli lists for a command: its header if it has one, else the first description line.
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
            assertTrue(lines.length > 0, name + " has a description");
            String summary = lines[0];
            assertTrue(Character.isUpperCase(summary.charAt(0)), name + ": " + summary);
            assertTrue(summary.endsWith("."), "`tactus --help` lists the first line of " + name
                    + " on its own, so it must be a whole sentence: " + summary);
        });
        String help = run("tactus", "--help").replaceAll("\\s+", " ");
        root.getSubcommands().forEach((name, sub) -> {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            String summary = (usage.header().length > 0 ? usage.header() : usage.description())[0];
            assertTrue(help.contains(name + " " + summary.replaceAll("\\s+", " ")),
                    "`tactus --help` shows the whole summary of " + name + ": " + help);
        });
    }

    private static String run(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TactusCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(java.util.Arrays.copyOfRange(argv, 1, argv.length));
        assertEquals(0, code, err.toString());
        return out.toString();
    }
}
