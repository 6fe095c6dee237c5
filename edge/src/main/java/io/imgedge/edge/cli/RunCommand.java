package io.imgedge.edge.cli;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.config.ImgedgeConfig;
import io.imgedge.edge.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imgedge run}: an all-in-one node (edge and shield in one JVM) until interrupted. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run an all-in-one node: edge and shield in one JVM, a one-member cluster on loopback.",
      "With no options it serves the bundled sample images on port 8080 (admin on 8081)."
    })
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--origin", paramLabel = "DIR|URL",
      description = "Serve images from this folder or http(s) base URL instead of the samples.")
  String origin;

  @Option(names = "--port", paramLabel = "PORT", description = "Public port (default 8080).")
  Integer port;

  @Option(names = "--admin-port", paramLabel = "PORT", description = "Admin port (default 8081).")
  Integer adminPort;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Public address (default 0.0.0.0).")
  String bind;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    ImgedgeConfig loaded = ConfigLoader.load(config, System.getenv(), overrides());
    CountDownLatch stopped = new CountDownLatch(1);
    Node node = Node.start(loaded);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "imgedge-shutdown"));
    stopped.await();
    return 0;
  }

  CommandLineOverrides overrides() {
    Map<String, String> settings = new HashMap<>();
    if (port != null) {
      settings.put("node.public-port", port.toString());
    }
    if (adminPort != null) {
      settings.put("node.admin-port", adminPort.toString());
    }
    if (bind != null) {
      settings.put("node.public-bind", bind);
    }
    return new CommandLineOverrides(settings, origin);
  }
}
