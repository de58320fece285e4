package org.newsflow.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Refuses feed hosts that resolve to addresses a feed on the internet has no business pointing at (loopback,
 * private, link-local, unique-local, wildcard, multicast), unless an operator allowed them by address or CIDR.
 * This keeps a registered feed URL from making ingest probe the internal network (SSRF).
 */
public final class AddressGuard {

  private final List<Cidr> allowed;

  /**
   * @param allowed addresses or CIDR blocks that are allowed even though they are internal, e.g. {@code 127.0.0.1}
   *                or {@code 10.0.0.0/8}
   */
  public AddressGuard(List<String> allowed) {
    this.allowed = allowed.stream().map(Cidr::parse).toList();
  }

  /**
   * Checks the addresses a host resolved to (the caller connects to exactly these, so what was checked is what is
   * reached).
   *
   * @throws FetchException {@link FetchException.Reason#BLOCKED_ADDRESS} when one of them is internal and not allowed
   */
  public void check(String host, InetAddress[] addresses) throws FetchException {
    if (addresses.length == 0) {
      throw new FetchException(FetchException.Reason.IO, 0, "no address for host " + host, null);
    }
    for (InetAddress a : addresses) {
      if (isInternal(a) && allowed.stream().noneMatch(c -> c.contains(a))) {
        throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, 0, "host " + host + " resolves to internal "
            + "address " + a.getHostAddress() + "; allow it with ingest.allowed.internal.addresses if intended", null);
      }
    }
  }

  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      // 100.64.0.0/10 carrier-grade NAT and 0.0.0.0/8 "this network" are internal as well
      return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0;
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return true; // IPv6 unique local fc00::/7
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return true; // deprecated site-local fec0::/10
    }
    byte[] embedded = embeddedIpv4(b);
    if (embedded != null) {
      try {
        return isInternal(InetAddress.getByAddress(embedded));
      } catch (java.net.UnknownHostException e) {
        return true; // cannot happen for four bytes; refuse rather than guess
      }
    }
    // the local-use NAT64 prefix 64:ff9b:1::/48 translates to whatever the operator routes there
    return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1;
  }

  /**
   * The IPv4 address an IPv6 address carries to be reached through, or null: IPv4-compatible {@code ::a.b.c.d}
   * (deprecated, yet some stacks still route it), NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}. A host that
   * resolves to {@code [::127.0.0.1]} reaches the loopback just as {@code 127.0.0.1} does.
   */
  static byte[] embeddedIpv4(byte[] b) {
    boolean zeroTo11 = true;
    for (int i = 0; i < 12; i++) {
      zeroTo11 &= b[i] == 0;
    }
    if (zeroTo11) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    if (nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private record Cidr(byte[] network, int bits) {
    static Cidr parse(String text) {
      String t = text.strip();
      int slash = t.indexOf('/');
      try {
        byte[] net = InetAddress.getByName(slash < 0 ? t : t.substring(0, slash)).getAddress();
        int bits = slash < 0 ? net.length * 8 : Integer.parseInt(t.substring(slash + 1));
        if (bits < 0 || bits > net.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Cidr(net, bits);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an address or CIDR block: " + text, e);
      }
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (network[full] & mask);
    }
  }
}
