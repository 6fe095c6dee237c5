package io.imgedge.cache.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.AbstractDiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.discovery.DiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryStrategyFactory;
import com.hazelcast.spi.discovery.SimpleDiscoveryNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Hazelcast's members from DNS: every address a name resolves to (a Kubernetes headless service
 * lists one per pod), at one port. The name is looked up again each time Hazelcast asks, at join
 * and whenever it looks for a split cluster to merge with, so members that come later are found. A
 * name that does not resolve (yet) gives no members: the node forms a cluster of its own and merges
 * once the others can be found. Nothing here sends multicast or leaves the resolver's own traffic.
 */
final class DnsDiscovery implements DiscoveryStrategyFactory {

  /** Looks up every address of a name. */
  @FunctionalInterface
  interface Resolver {
    /** All addresses of {@code name}; throws when it has none. */
    InetAddress[] resolve(String name) throws UnknownHostException;
  }

  private final String name;
  private final int port;
  private final Resolver resolver;

  DnsDiscovery(String name, int port, Resolver resolver) {
    this.name = Objects.requireNonNull(name);
    this.port = port;
    this.resolver = Objects.requireNonNull(resolver);
  }

  /** The members the name gives now, at {@code port}; empty when it does not resolve. */
  List<DiscoveryNode> members(ILogger logger) {
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      logger.warning(
          "cluster.dns.name '" + name + "' does not resolve (yet): no members found this time");
      return List.of();
    }
    List<DiscoveryNode> nodes = new ArrayList<>(addresses.length);
    for (InetAddress a : addresses) {
      nodes.add(new SimpleDiscoveryNode(new Address(a, port)));
    }
    logger.fine("cluster.dns.name '" + name + "' resolves to " + nodes);
    return nodes;
  }

  @Override
  public Class<? extends DiscoveryStrategy> getDiscoveryStrategyType() {
    return Strategy.class;
  }

  @Override
  public DiscoveryStrategy newDiscoveryStrategy(
      @Nullable DiscoveryNode discoveryNode, ILogger logger, Map<String, Comparable> properties) {
    return new Strategy(this, logger, properties);
  }

  @Override
  public Collection<PropertyDefinition> getConfigurationProperties() {
    return List.of();
  }

  @Override
  public String toString() {
    return "DnsDiscovery[" + name + ":" + port + "]";
  }

  /** The strategy Hazelcast calls: a lookup per call. */
  static final class Strategy extends AbstractDiscoveryStrategy {
    private final DnsDiscovery discovery;

    Strategy(DnsDiscovery discovery, ILogger logger, Map<String, Comparable> properties) {
      super(logger, properties);
      this.discovery = discovery;
    }

    @Override
    public Iterable<DiscoveryNode> discoverNodes() {
      return discovery.members(getLogger());
    }
  }
}
