package io.imgedge.edge.app.cli;

import picocli.CommandLine.Command;

/** {@code imgedge run}: an all-in-one node (edge and shield in one JVM) until interrupted. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an all-in-one node: edge and shield in one JVM, a one-member cluster on loopback.",
      "With no options it serves the bundled sample images on port 8080 (admin on 8081)."
    })
public final class RunCommand extends NodeCommand {
  @Override
  String role() {
    return "all-in-one";
  }
}
