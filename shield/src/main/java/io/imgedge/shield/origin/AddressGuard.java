package io.imgedge.shield.origin;

import io.imgedge.shield.OriginException;
import io.imgedge.shield.OriginException.Kind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which addresses an origin fetch may connect to (no server-side request forgery into
 * private networks): every address a host resolves to must be public, unless the origin explicitly
 * allows private ones. Refused: unspecified, loopback, link-local, private (RFC 1918, unique local
 * IPv6), carrier-grade NAT, multicast, broadcast and reserved ranges, and those ranges embedded in
 * IPv6 (IPv4-mapped, IPv4-compatible, NAT64). Numeric host spellings other than a canonical dotted
 * quad or a bracketed IPv6 literal (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex) are
 * refused outright.
 */
public final class AddressGuard {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");
  private static final Pattern NUMERIC_LOOKING =
      Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?");

  private final AddressResolver resolver;
  private final java.util.function.Predicate<InetAddress> allowed;

  /**
   * @param resolver how host names are resolved
   */
  public AddressGuard(AddressResolver resolver) {
    this(resolver, AddressGuard::isPublic);
  }

  /**
   * @param resolver how host names are resolved
   * @param allowed which addresses count as public (tests that must stay on loopback treat one
   *     loopback address as public, to play an internet origin)
   */
  public AddressGuard(AddressResolver resolver, java.util.function.Predicate<InetAddress> allowed) {
    this.resolver = resolver;
    this.allowed = allowed;
  }

  /**
   * The address to connect to for a host: resolved, and refused unless every address is allowed.
   *
   * @param allowPrivate the origin explicitly allows private addresses
   * @throws OriginException {@link Kind#REFUSED} for a forbidden address, {@link Kind#UNAVAILABLE}
   *     for a name that does not resolve
   */
  public InetAddress pick(String host, boolean allowPrivate) {
    List<InetAddress> addresses = resolve(host);
    for (InetAddress a : addresses) {
      if (!allowPrivate && !allowed.test(a)) {
        throw new OriginException(
            Kind.REFUSED,
            "the origin host resolves to a non-public address; fetching it is not allowed");
      }
    }
    return addresses.get(0);
  }

  private List<InetAddress> resolve(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      return List.of(literal(h.substring(1, h.length() - 1)));
    }
    if (DOTTED_QUAD.matcher(h).matches()) {
      return List.of(literal(h));
    }
    if (NUMERIC_LOOKING.matcher(h).matches() || h.contains(":")) {
      throw new OriginException(
          Kind.REFUSED, "the origin host is a numeric address in a non-canonical form");
    }
    try {
      List<InetAddress> addresses = resolver.resolve(h);
      if (addresses.isEmpty()) {
        throw new UnknownHostException(h);
      }
      return addresses;
    } catch (UnknownHostException e) {
      throw new OriginException(Kind.UNAVAILABLE, "the origin host name does not resolve", e);
    }
  }

  private static InetAddress literal(String text) {
    try {
      return InetAddress.getByName(text); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      throw new OriginException(Kind.REFUSED, "the origin host is not a valid address", e);
    }
  }

  /** Whether an address is on the public internet. */
  public static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return isPublicV4(b, 0);
    }
    if (a instanceof Inet6Address) {
      return isPublicV6(b);
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b, int at) {
    int o0 = b[at] & 0xFF;
    int o1 = b[at + 1] & 0xFF;
    return !(o0 == 0
        || o0 == 10
        || o0 == 127
        || o0 >= 224 // this network, private, loopback, multicast/reserved
        || (o0 == 100 && o1 >= 64 && o1 <= 127) // carrier-grade NAT 100.64/10
        || (o0 == 169 && o1 == 254)
        || (o0 == 172 && o1 >= 16 && o1 <= 31) // link-local, private
        || (o0 == 192 && o1 == 168)
        || (o0 == 192 && o1 == 0 && (b[at + 2] & 0xFF) == 0) // private, IETF
        || (o0 == 198 && (o1 == 18 || o1 == 19))); // benchmarking 198.18/15
  }

  private static boolean isPublicV6(byte[] b) {
    int first = b[0] & 0xFF;
    if ((first & 0xFE) == 0xFC || first == 0xFF) {
      return false; // unique local fc00::/7, multicast
    }
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
    boolean nat64 =
        (b[0] & 0xFF) == 0x00
            && (b[1] & 0xFF) == 0x64
            && (b[2] & 0xFF) == 0xFF
            && (b[3] & 0xFF) == 0x9B;
    if (mapped || compatible || nat64) {
      return isPublicV4(b, 12); // the embedded IPv4 address decides
    }
    return true;
  }
}
