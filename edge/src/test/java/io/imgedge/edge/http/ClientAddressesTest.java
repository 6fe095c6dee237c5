package io.imgedge.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.config.Cidr;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarding headers are believed only from trusted proxies, and only up to the last of them. */
class ClientAddressesTest {
  private final ClientAddresses clients =
      new ClientAddresses(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

  private static HttpServerExchange from(String peer, String... headers) {
    HttpServerExchange ex = new HttpServerExchange(null);
    ex.setSourceAddress(new InetSocketAddress(peer, 40000));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      ex.getRequestHeaders()
          .add(io.undertow.util.HttpString.tryFromString(headers[i]), headers[i + 1]);
    }
    return ex;
  }

  @Test
  void anUntrustedPeer_isTheClient_whateverItsHeadersSay() {
    assertThat(clients.clientOf(from("203.0.113.9", "X-Forwarded-For", "1.2.3.4")))
        .isEqualTo("203.0.113.9");
    assertThat(clients.clientOf(from("203.0.113.9", "Forwarded", "for=1.2.3.4")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void aTrustedPeer_xForwardedFor_theRightmostUntrustedHop() {
    assertThat(
            clients.clientOf(
                from("10.1.1.1", "X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.2.2.2")))
        .as("6.6.6.6 was written by the client itself and is not believed")
        .isEqualTo("198.51.100.7");
  }

  @Test
  void aTrustedPeer_forwarded_winsOverXForwardedFor_withQuotedIpv6AndPorts() {
    assertThat(
            clients.clientOf(
                from(
                    "10.1.1.1",
                    "Forwarded",
                    "for=\"[2001:db8::1]:4711\";proto=https, for=10.3.3.3:80",
                    "X-Forwarded-For",
                    "198.51.100.7")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void onlyTrustedHops_theLeftmost_andUnreadableHops_stopTheWalk() {
    assertThat(clients.clientOf(from("10.1.1.1", "X-Forwarded-For", "10.9.9.9")))
        .isEqualTo("10.9.9.9");
    assertThat(clients.clientOf(from("10.1.1.1", "X-Forwarded-For", "198.51.100.7, unknown")))
        .as("an unreadable hop stops the walk at the last address believed")
        .isEqualTo("10.1.1.1");
    assertThat(clients.clientOf(from("10.1.1.1", "Forwarded", "for=_hidden")))
        .isEqualTo("10.1.1.1");
    assertThat(clients.clientOf(from("10.1.1.1"))).isEqualTo("10.1.1.1");
  }

  @Test
  void noTrustedProxies_neverReadsHeaders() {
    ClientAddresses none = new ClientAddresses(List.of());
    assertThat(none.trustsAny()).isFalse();
    assertThat(none.clientOf(from("127.0.0.1", Headers.X_FORWARDED_FOR_STRING, "1.2.3.4")))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void cidr_containsByPrefix_andKeepsFamiliesApart() throws Exception {
    Cidr c = Cidr.parse("192.168.4.0/22");
    assertThat(c.contains(java.net.InetAddress.ofLiteral("192.168.7.255"))).isTrue();
    assertThat(c.contains(java.net.InetAddress.ofLiteral("192.168.8.0"))).isFalse();
    assertThat(Cidr.parse("::/0").contains(java.net.InetAddress.ofLiteral("1.2.3.4"))).isFalse();
    assertThat(Cidr.parse("127.0.0.1").prefix()).isEqualTo(32);
  }
}
