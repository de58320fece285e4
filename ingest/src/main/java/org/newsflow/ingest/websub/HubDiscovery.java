package org.newsflow.ingest.websub;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.newsflow.ingest.parse.FeedLink;

/**
 * Finds a feed's hub and topic as WebSub says: the HTTP {@code Link} headers first, then the document's own
 * {@code <link rel="hub">} and {@code <link rel="self">}. A feed without a self link uses the URL it was fetched
 * from as its topic. Only http(s) hubs count.
 */
public final class HubDiscovery {

  /** Link header values longer than this are ignored (a header is never that long unless hostile). */
  private static final int MAX_HEADER_CHARS = 8_192;
  /** Links read from one header value. */
  private static final int MAX_LINKS = 64;

  private HubDiscovery() {
  }

  /**
   * @param linkHeaders the response's {@code Link} header values
   * @param feedLinks   the document's feed-level links, as parsed
   * @param fetched     the URL the document was fetched from (base for relative links, fallback topic)
   */
  public static Optional<HubEndpoints> discover(List<String> linkHeaders, List<FeedLink> feedLinks, URI fetched) {
    List<FeedLink> fromHeaders = new ArrayList<>();
    for (String header : linkHeaders) {
      fromHeaders.addAll(parseLinkHeader(header));
    }
    Optional<HubEndpoints> headerHub = pick(fromHeaders, fetched);
    return headerHub.isPresent() ? headerHub : pick(feedLinks, fetched);
  }

  private static Optional<HubEndpoints> pick(List<FeedLink> links, URI base) {
    URI hub = null;
    URI self = null;
    for (FeedLink link : links) {
      if (link.rel() == null || link.href() == null) {
        continue;
      }
      for (String rel : link.rel().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("hub") && hub == null) {
          hub = resolveHttp(base, link.href());
        } else if (rel.equals("self") && self == null) {
          self = resolveHttp(base, link.href());
        }
      }
    }
    if (hub == null) {
      return Optional.empty();
    }
    return Optional.of(new HubEndpoints(hub, self != null ? self : base));
  }

  private static URI resolveHttp(URI base, String href) {
    try {
      URI u = base.resolve(href.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Parses one {@code Link} header value (RFC 8288): {@code <url>; rel="hub", <url>; rel=self}. Bounded: long
   * values and links past {@value #MAX_LINKS} are ignored.
   */
  static List<FeedLink> parseLinkHeader(String value) {
    List<FeedLink> links = new ArrayList<>();
    if (value == null || value.length() > MAX_HEADER_CHARS) {
      return links;
    }
    int i = 0;
    while (i < value.length() && links.size() < MAX_LINKS) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        break;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        break;
      }
      String href = value.substring(open + 1, close);
      int next = nextLinkStart(value, close + 1);
      String params = value.substring(close + 1, next);
      links.add(new FeedLink(param(params, "rel"), null, href, null));
      i = next;
    }
    return links;
  }

  /** Index of the comma that ends this link's parameters (commas inside quotes do not count), or the end. */
  private static int nextLinkStart(String value, int from) {
    boolean quoted = false;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return value.length();
  }

  private static String param(String params, String name) {
    for (String part : params.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = part.substring(eq + 1).trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }
}
