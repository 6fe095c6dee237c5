package io.imgedge.edge.app;

import io.imgedge.config.ConfigException;
import io.imgedge.edge.app.cli.ImgedgeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import picocli.CommandLine;

/** The program's entry point: configures logging and runs the command line. */
public final class Main {
  private Main() {}

  /** Runs {@code imgedge <command>}; exits with 0 on success, 2 on a configuration error. */
  public static void main(String[] args) {
    // Origin connections are pinned to checked addresses and carry the real Host header, which
    // the JDK's HTTP client allows only if told so before it is first used.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    configureLogging();
    CommandLine cli = new CommandLine(new ImgedgeCommand());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException) {
            commandLine.getErr().println("imgedge: configuration error: " + e.getMessage());
            return 2;
          }
          if (e instanceof StartupException) {
            commandLine.getErr().println("imgedge: cannot start: " + e.getMessage());
            return 2;
          }
          if (System.getenv("IMGEDGE_DEBUG") == null) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
              root = root.getCause();
            }
            commandLine
                .getErr()
                .println(
                    "imgedge: cannot start: "
                        + root.getClass().getSimpleName()
                        + ": "
                        + root.getMessage()
                        + " (IMGEDGE_DEBUG=1 shows the stack trace)");
            return 1;
          }
          throw e;
        });
    System.exit(cli.execute(args));
  }

  /**
   * One line per record; imgedge at INFO, the libraries at WARNING (unless configured otherwise).
   */
  static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = Main.class.getResourceAsStream("/imgedge-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      System.err.println("imgedge: cannot configure logging: " + e.getMessage());
    }
  }
}
