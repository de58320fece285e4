package org.newsflow.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code newsflow} command line as the launcher runs it, with what it printed captured.
 *
 * @param exit the exit status
 * @param out  what it printed on its standard output
 * @param err  what it printed on its standard error
 */
public record CommandRun(int exit, String out, String err) {

  /** Runs the command line with these arguments. */
  public static CommandRun of(String... args) {
    CommandLine cl = Newsflow.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
