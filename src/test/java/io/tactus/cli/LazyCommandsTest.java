package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `tactus CMD ...` builds only CMD (start-up time); it must behave exactly like CMD in the whole CLI. */
class LazyCommandsTest {

    @Test
    void aNamedCommandIsTheSameCommandAsInTheWholeCli() {
        Map<String, CommandLine> all = TactusCli.newCommandLine().getSubcommands();
        assertTrue(all.size() >= 8, "every command and help");
        for (String name : all.keySet()) {
            CommandLine only = TactusCli.commandLineFor(name, "--help");
            if (name.equals("help")) {
                assertEquals(all.keySet(), only.getSubcommands().keySet(), "help needs every command");
                continue;
            }
            assertEquals(java.util.Set.of(name), only.getSubcommands().keySet());
            assertEquals(all.get(name).getUsageMessage(), only.getSubcommands().get(name).getUsageMessage(), name);
            assertEquals(all.get(name).getCommandSpec().options().size(),
                    only.getSubcommands().get(name).getCommandSpec().options().size(), name);
        }
    }

    @Test
    void anythingElseGetsTheWholeCli() {
        int commands = TactusCli.newCommandLine().getSubcommands().size();
        for (String[] args : new String[][] {{}, {"--version"}, {"--help"}, {"nonsense"}, {"help", "info"}}) {
            assertEquals(commands, TactusCli.commandLineFor(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void badArgumentsStillExit2WithOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = TactusCli.commandLineFor("info", "--no-such-option");
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(2, cl.execute("info", "--no-such-option"));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
