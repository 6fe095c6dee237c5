package io.imgedge.edge.app.cli;

import picocli.CommandLine.Command;

/** {@code imgedge shield}: a node of a shield POP. */
@Command(
    name = "shield",
    mixinStandardHelpOptions = true,
    description = {
      "Run a shield node: joins its shield cluster, fetches origins once per source and renders",
      "derivatives for edges on its internal port (node.internal-port)."
    })
public final class ShieldCommand extends NodeCommand {
  @Override
  String role() {
    return "shield";
  }
}
