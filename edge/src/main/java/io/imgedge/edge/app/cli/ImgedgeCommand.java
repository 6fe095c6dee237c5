package io.imgedge.edge.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; its subcommands are what a user runs. */
@Command(
    name = "imgedge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "An image optimization edge service with the Fastly Image Optimizer query API.",
    subcommands = {
      RunCommand.class,
      EdgeCommand.class,
      ShieldCommand.class,
      ClusterCommand.class,
      SignCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = {"", "Start with: ./imgedge run   then open http://localhost:8080/"})
public final class ImgedgeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
