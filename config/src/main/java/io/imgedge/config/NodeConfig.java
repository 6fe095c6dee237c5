package io.imgedge.config;

/**
 * What a node is and where it listens.
 *
 * @param role what the node does ({@code node.role}; the CLI command sets it)
 * @param publicBind address of the public image port ({@code node.public-bind})
 * @param publicPort public image port, 0 for any free port ({@code node.public-port})
 * @param adminBind address of the admin port: metrics, health, purge ({@code node.admin-bind})
 * @param adminPort admin port, 0 for any free port ({@code node.admin-port})
 * @param internalBind address of the internal port other nodes call ({@code node.internal-bind})
 * @param internalPort internal port, 0 for any free port ({@code node.internal-port})
 * @param internalUrl the URL other nodes use to reach the internal port, or empty for {@code
 *     http://<internal-bind>:<internal-port>} ({@code node.internal-url})
 * @param memory how the node's memory is shared out ({@code node.memory}; see {@link MemoryPlan})
 * @param h2c whether the plain-HTTP public port also speaks HTTP/2 in cleartext (the {@code
 *     Upgrade: h2c} and prior-knowledge forms; {@code node.h2c}, off by default). With TLS the
 *     public port offers HTTP/2 by ALPN whatever this says
 * @param drain how long a stopping node lets the requests in flight finish ({@code node.drain})
 * @param drainDelay how long a stopping node answers not-ready on {@code /health/ready} while it
 *     still serves, before its ports stop taking requests, so that load balancers (a Kubernetes
 *     Service's endpoints) stop sending first ({@code node.drain-delay})
 */
public record NodeConfig(
    Role role,
    String publicBind,
    int publicPort,
    String adminBind,
    int adminPort,
    String internalBind,
    int internalPort,
    String internalUrl,
    MemoryPlan memory,
    boolean h2c,
    java.time.Duration drain,
    java.time.Duration drainDelay) {

  /** What a node does. */
  public enum Role {
    /** Edge and shield in one JVM, a cluster of one: {@code imgedge run}. */
    ALL_IN_ONE,
    /** An edge of an edge POP: answers clients, asks key owners and the shield tier. */
    EDGE,
    /** A shield node: fetches origins and renders derivatives for edges. */
    SHIELD
  }

  static NodeConfig from(Settings s) {
    return new NodeConfig(
        s.choice("node.role", Role.class),
        s.string("node.public-bind"),
        s.integer("node.public-port", 0, 65535),
        s.string("node.admin-bind"),
        s.integer("node.admin-port", 0, 65535),
        s.string("node.internal-bind"),
        s.integer("node.internal-port", 0, 65535),
        s.string("node.internal-url"),
        memory(s),
        s.bool("node.h2c"),
        s.duration("node.drain", java.time.Duration.ZERO),
        s.duration("node.drain-delay", java.time.Duration.ZERO));
  }

  /**
   * {@code node.memory}: a size of at least 256 MiB, or empty for the container's limit or 768 MiB.
   */
  static MemoryPlan memory(Settings s) {
    return MemoryPlan.of(
        s.isEmpty("node.memory")
            ? MemoryPlan.detectTotal()
            : s.bytes("node.memory", MemoryPlan.MIN_BYTES));
  }
}
