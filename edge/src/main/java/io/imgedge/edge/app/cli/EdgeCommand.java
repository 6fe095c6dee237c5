package io.imgedge.edge.app.cli;

import picocli.CommandLine.Command;

/** {@code imgedge edge}: a node of an edge POP. */
@Command(
    name = "edge",
    mixinStandardHelpOptions = true,
    description = {
      "Run an edge node: joins its edge cluster (cluster.members), answers clients, asks the key's",
      "owner on a miss and reaches the shield tier (shield-pops) over HTTP. Needs --config."
    })
public final class EdgeCommand extends NodeCommand {
  @Override
  String role() {
    return "edge";
  }
}
