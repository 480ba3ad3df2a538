package io.tactus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process `tactus` run with its exit code, stdout and stderr (for the command tests). */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cl = TactusCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
