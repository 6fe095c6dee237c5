package io.imgedge.loadtest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./imgedge loadtest}: the load scenarios against a local cluster ({@code zipf}, {@code
 * stampede}, {@code purge-storm}, {@code fault}), the side-by-side comparisons with peer servers
 * ({@code side-by-side}, and {@code avif-side-by-side} for AVIF and JPEG XL against ipx), issue
 * 13's hostile clients against one node ({@code hostile}), issue 17's shield restart under load
 * ({@code shield-restart}), the origin simulator on its own, a closed-loop load against a running
 * node, and flame graphs of a JFR recording ({@code flame}). Everything targets loopback only and
 * stops by itself.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description =
        "Load scenarios on Gatling against a local cluster, side-by-side benchmarks, the origin simulator,"
            + " flame graphs of JFR recordings.",
    subcommands = {
      SideBySideCommand.class,
      AvifSideBySideCommand.class,
      HostileCommand.class,
      ShieldRestartCommand.class,
      RollingRestartCommand.class,
      OriginCommand.class,
      ClosedLoopCommand.class,
      FlameCommand.class
    })
public final class LoadTestMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The command line with every scenario registered. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new LoadTestMain());
    for (Scenario s : Scenario.values()) {
      CommandLine sub = new CommandLine(new ScenarioCommand(s));
      sub.getCommandSpec().usageMessage().description(description(s));
      cl.addSubcommand(s.command(), sub);
    }
    return cl;
  }

  private static String description(Scenario s) {
    return switch (s) {
      case ZIPF ->
          "Zipf mix (sources x widths x formats) at an open-model arrival rate, cold start; checks work-once.";
      case STAMPEDE ->
          "A burst of users at once on a few cold derivatives; checks one fetch per source, one transform per derivative.";
      case PURGE_STORM ->
          "The Zipf mix while purges of popular sources hit the edges' admin ports.";
      case FAULT -> "The Zipf mix while the last edge and the first shield are killed mid-run.";
    };
  }

  /** Runs the load test command line. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
