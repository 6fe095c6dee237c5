package io.imgedge.shield.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.shield.OriginException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF matrix: addresses and spellings that must never be fetched from. */
class AddressGuardTest {
  /** A stub resolver: names map to fixed addresses; nothing is looked up. */
  static AddressResolver stub(Map<String, List<String>> names) {
    return host -> {
      List<String> ips = names.get(host);
      if (ips == null) {
        throw new UnknownHostException(host);
      }
      return ips.stream().map(AddressGuardTest::literal).toList();
    };
  }

  static InetAddress literal(String ip) {
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private final AddressGuard guard =
      new AddressGuard(
          stub(
              Map.of(
                  "public.example", List.of("93.184.215.14"),
                  "rebinding.example", List.of("93.184.215.14", "10.1.2.3"),
                  "metadata.example", List.of("169.254.169.254"),
                  "v6.example", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"))));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "[::1]",
        "0.0.0.0",
        "[::]",
        "[::ffff:127.0.0.1]",
        "[::ffff:169.254.169.254]",
        "169.254.169.254",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "[fe80::1]",
        "[fc00::1]",
        "[fd12:3456::1]",
        "[ff02::1]",
        "[64:ff9b::a00:1]",
        "[::127.0.0.1]",
        "198.18.0.1"
      })
  void privateAndSpecialAddresses_areRefused(String host) {
    assertThatThrownBy(() -> guard.pick(host, false))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433",
        "0177.0.0.1",
        "0x7f.0.0.1",
        "0x7f000001",
        "017700000001",
        "127.1",
        "127.0.1",
        "0",
        "00.0.0.0",
        "1.2.3.4.",
        "3232235777"
      })
  void nonCanonicalNumericSpellings_areRefused(String host) {
    assertThatThrownBy(() -> guard.pick(host, false))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void namesResolvingToAnyPrivateAddress_areRefused() {
    assertThatThrownBy(() -> guard.pick("metadata.example", false))
        .isInstanceOf(OriginException.class);
    assertThatThrownBy(() -> guard.pick("rebinding.example", false))
        .isInstanceOf(OriginException.class);
  }

  @Test
  void publicNamesAndAddresses_areAllowed() {
    assertThat(guard.pick("public.example", false).getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(guard.pick("v6.example", false)).isNotNull();
    assertThat(guard.pick("8.8.8.8", false).getHostAddress()).isEqualTo("8.8.8.8");
  }

  @Test
  void allowPrivate_letsAnOriginUseLoopback() {
    assertThat(guard.pick("127.0.0.1", true).isLoopbackAddress()).isTrue();
    assertThat(guard.pick("metadata.example", true)).isNotNull();
  }

  @Test
  void unknownName_isUnavailableNotRefused() {
    assertThatThrownBy(() -> guard.pick("nowhere.example", false))
        .isInstanceOfSatisfying(OriginException.class, e -> assertThat(e.status()).isEqualTo(502));
  }
}
