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
   * Checks every address a host resolves to.
   *
   * @throws FetchException {@link FetchException.Reason#BLOCKED_ADDRESS} or {@link FetchException.Reason#IO}
   */
  public void check(String host) throws FetchException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.IO, 0, "unknown host " + host, e);
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
    if (b.length == 16 && (b[0] & 0xfe) == 0xfc) {
      return true; // IPv6 unique local fc00::/7
    }
    // 100.64.0.0/10 carrier-grade NAT and 169.254/16 metadata endpoints are internal as well
    return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
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
