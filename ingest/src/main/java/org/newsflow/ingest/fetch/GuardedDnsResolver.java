package org.newsflow.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: resolves once, checks every address with the {@link AddressGuard} and hands exactly
 * those addresses to the connection. The address checked is the address connected to (pinned), so a name that
 * answers a public address to the check and 127.0.0.1 to the connection (DNS rebinding) cannot reach the inside.
 */
final class GuardedDnsResolver implements DnsResolver {

  /** A refusal of the guard, carried through the client as the UnknownHostException its resolver may throw. */
  static final class Blocked extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final transient FetchException refusal;

    Blocked(FetchException refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }

    FetchException refusal() {
      return refusal;
    }
  }

  private final HostResolver resolver;
  private final AddressGuard guard;

  GuardedDnsResolver(HostResolver resolver, AddressGuard guard) {
    this.resolver = resolver;
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = resolver.resolve(host);
    try {
      guard.check(host, addresses);
    } catch (FetchException e) {
      throw new Blocked(e);
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host; // only used for Kerberos/SPNEGO, which feeds never ask for
  }
}
