package org.newsflow.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the many spellings of an article's URL into one: resolved against the base, scheme and host lower-cased,
 * default port dropped, fragment removed, tracking parameters (utm_*, fbclid, gclid, ...) removed, an empty path
 * written as "/". The remaining query parameters keep their order, because some sites route on it.
 */
public final class UrlCanonicalizer {

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid",
      "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ocid", "cmpid", "ncid", "sr_share", "at_medium", "at_campaign",
      "spm", "__twitter_impression", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "wt.mc_id", "ito", "icid",
      "s_cid", "rss", "ref_src", "mkt_tok");

  /** Longest canonical URL kept; longer ones are dropped (flag {@code url-too-long}), see ArticleNormalizer. */
  public static final int MAX_LENGTH = 2048;

  private UrlCanonicalizer() {
  }

  /**
   * The canonical form of a link.
   *
   * @param link the link as found (may be relative)
   * @param base the URL relative links are resolved against (xml:base, feed link or feed URL), may be null
   * @return the canonical URL, or null when the link is not a usable absolute http(s) URL
   */
  public static String canonicalize(String link, String base) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(encodeSpaces(link.strip()));
      if (!uri.isAbsolute() && base != null && !base.isBlank()) {
        uri = new URI(encodeSpaces(base.strip())).resolve(uri);
      }
      String scheme = uri.getScheme();
      if (scheme == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return null;
      }
      String host = uri.getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      int port = uri.getPort();
      if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = cleanQuery(uri.getRawQuery());
      StringBuilder sb = new StringBuilder(scheme).append("://");
      if (uri.getRawUserInfo() != null) {
        sb.append(uri.getRawUserInfo()).append('@');
      }
      sb.append(host);
      if (port != -1) {
        sb.append(':').append(port);
      }
      sb.append(path);
      if (query != null) {
        sb.append('?').append(query);
      }
      return sb.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    return kept.isEmpty() ? null : String.join("&", kept);
  }

  private static String encodeSpaces(String s) {
    return s.replace(" ", "%20");
  }
}
