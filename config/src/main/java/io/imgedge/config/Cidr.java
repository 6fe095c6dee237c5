package io.imgedge.config;

import java.net.InetAddress;

/**
 * A block of addresses, {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one.
 *
 * @param network the block's first address
 * @param prefix how many leading bits every address of the block shares with {@code network}
 */
public record Cidr(InetAddress network, int prefix) {

  /** Checks the prefix against the address family. */
  public Cidr {
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix /" + prefix + " beyond " + bits + " bits");
    }
  }

  /**
   * Parses {@code address[/prefix]} written as a literal (no name is looked up).
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Cidr parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    InetAddress address = InetAddress.ofLiteral(slash < 0 ? t : t.substring(0, slash));
    int bits = address.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length: " + t.substring(slash + 1), e);
    }
    return new Cidr(address, prefix);
  }

  /** Whether an address is in this block (an IPv4 address is never in an IPv6 block). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != n[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (n[full] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }
}
