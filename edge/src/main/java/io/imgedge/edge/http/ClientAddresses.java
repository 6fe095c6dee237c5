package io.imgedge.edge.http;

import io.imgedge.config.Cidr;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The client's address as a request shows it: the connection's peer, unless that peer is a trusted
 * proxy ({@code security.trusted-proxies}), in which case the proxies' {@code Forwarded} (RFC 7239)
 * or, without it, {@code X-Forwarded-For} list is read from the right, past every trusted proxy, to
 * the first address that is not one: the client as the last trusted proxy saw it. Entries a client
 * wrote itself further left are never believed. From an untrusted peer the headers are ignored.
 * Unreadable entries stop the walk at the last address believed.
 */
public final class ClientAddresses {
  private final List<Cidr> trusted;

  /**
   * @param trusted the proxies whose headers are believed; empty believes none
   */
  public ClientAddresses(List<Cidr> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** The client's address, or null when the exchange has no peer address. */
  public @Nullable String clientOf(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    if (source == null || source.getAddress() == null) {
      return null;
    }
    InetAddress peer = source.getAddress();
    if (!isTrusted(peer)) {
      return peer.getHostAddress();
    }
    List<String> hops = forwardedFor(exchange.getRequestHeaders().get(Headers.FORWARDED));
    if (hops.isEmpty()) {
      hops = xForwardedFor(exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR));
    }
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        break;
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  /** Whether any proxy is trusted (if not, the headers are never read). */
  public boolean trustsAny() {
    return !trusted.isEmpty();
  }

  private boolean isTrusted(InetAddress a) {
    for (Cidr c : trusted) {
      if (c.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code for=} values of every {@code Forwarded} element, in order. */
  private static List<String> forwardedFor(@Nullable HeaderValues values) {
    List<String> hops = new ArrayList<>();
    if (values == null) {
      return hops;
    }
    for (String header : values) {
      for (String element : header.split(",")) {
        for (String pair : element.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
            hops.add(node(pair.substring(eq + 1).trim()));
          }
        }
      }
    }
    return hops;
  }

  /** RFC 7239 node: optional quotes, {@code [v6]:port} or {@code v4:port}; the address only. */
  private static String node(String value) {
    String v = value;
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close > 0 ? v.substring(1, close) : v;
    }
    int colon = v.indexOf(':');
    return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
  }

  private static List<String> xForwardedFor(@Nullable HeaderValues values) {
    List<String> hops = new ArrayList<>();
    if (values == null) {
      return hops;
    }
    for (String header : values) {
      for (String hop : header.split(",")) {
        hops.add(node(hop.trim()));
      }
    }
    return hops;
  }

  /** An IP literal, never a name lookup; null for anything else ("unknown", obfuscated names). */
  private static @Nullable InetAddress literal(String text) {
    if (text.isEmpty() || !(Character.digit(text.charAt(0), 16) >= 0 || text.charAt(0) == ':')) {
      return null;
    }
    try {
      return InetAddress.ofLiteral(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ClientAddresses[trusted " + trusted + "]";
  }
}
