package io.imgedge.config;

/**
 * Where a node listens.
 *
 * @param publicBind address of the public image port ({@code node.public-bind})
 * @param publicPort public image port, 0 for any free port ({@code node.public-port})
 * @param adminBind address of the admin port: metrics, health ({@code node.admin-bind})
 * @param adminPort admin port, 0 for any free port ({@code node.admin-port})
 */
public record NodeConfig(String publicBind, int publicPort, String adminBind, int adminPort) {

  static NodeConfig from(Settings s) {
    return new NodeConfig(
        s.string("node.public-bind"),
        s.integer("node.public-port", 0, 65535),
        s.string("node.admin-bind"),
        s.integer("node.admin-port", 0, 65535));
  }
}
