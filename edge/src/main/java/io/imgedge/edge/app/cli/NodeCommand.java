package io.imgedge.edge.app.cli;

import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.config.ImgedgeConfig;
import io.imgedge.edge.app.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What the node commands share: the configuration flags, and running a node until the process is
 * stopped (or, with {@code --exit-with-parent}, until the process that started it is gone).
 */
abstract class NodeCommand implements Callable<Integer> {

  @Option(
      names = "--origin",
      paramLabel = "DIR|URL",
      description =
          "Serve images from this folder or http(s) base URL instead of the configured origins.")
  @Nullable String origin;

  @Option(names = "--port", paramLabel = "PORT", description = "Public port (default 8080).")
  @Nullable Integer port;

  @Option(names = "--admin-port", paramLabel = "PORT", description = "Admin port (default 8081).")
  @Nullable Integer adminPort;

  @Option(
      names = "--internal-port",
      paramLabel = "PORT",
      description = "Internal port for other nodes (default 8082).")
  @Nullable Integer internalPort;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Public address (default 0.0.0.0).")
  @Nullable String bind;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  @Nullable Path config;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      description =
          "The node's memory, e.g. 1GiB (node.memory; default: the container's limit, else 768MiB).")
  String memory;

  @Option(
      names = "--print-jvm-options",
      hidden = true,
      description =
          "Print the JVM options node.memory implies (-Xmx, direct memory) and exit (the launcher's).")
  boolean printJvmOptions;

  @Option(
      names = "--exit-with-parent",
      hidden = true,
      description =
          "Stop when the process that started this one exits (used by `imgedge cluster`).")
  boolean exitWithParent;

  /** The role this command runs, as {@code node.role} spells it. */
  abstract String role();

  @Override
  public Integer call() throws InterruptedException {
    ImgedgeConfig loaded = ConfigLoader.load(config, System.getenv(), overrides());
    if (printJvmOptions) {
      System.out.println(loaded.node().memory().jvmOptions());
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Node node = Node.start(loaded);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "imgedge-shutdown"));
    if (exitWithParent) {
      ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(0)));
    }
    stopped.await();
    return 0;
  }

  CommandLineOverrides overrides() {
    Map<String, String> settings = new HashMap<>();
    settings.put("node.role", role());
    put(settings, "node.public-port", port);
    put(settings, "node.admin-port", adminPort);
    put(settings, "node.internal-port", internalPort);
    if (bind != null) {
      settings.put("node.public-bind", bind);
    }
    if (memory != null) {
      settings.put("node.memory", memory);
    }
    return new CommandLineOverrides(settings, origin);
  }

  private static void put(Map<String, String> settings, String key, @Nullable Integer value) {
    if (value != null) {
      settings.put(key, value.toString().toLowerCase(Locale.ROOT));
    }
  }
}
