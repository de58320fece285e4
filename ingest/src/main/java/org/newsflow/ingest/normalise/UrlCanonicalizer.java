package org.newsflow.ingest.normalise;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the many spellings of an article's URL into one, following RFC 3986 section 6: resolved against the base
 * (section 5.2), scheme and host lower-cased, Unicode hosts in their ASCII (punycode) form, credentials dropped,
 * default port dropped, dot segments removed, percent-encoding normalised (unreserved characters decoded, hex digits
 * upper-cased, everything else outside the URL alphabet encoded as UTF-8), fragment removed, tracking parameters
 * (utm_*, fbclid, gclid, ...) removed, an empty path written as "/". The remaining query parameters keep their
 * order, because some sites route on it. Linear in the input; longer results than {@link #MAX_LENGTH} are refused.
 */
public final class UrlCanonicalizer {

  /** Longest canonical URL kept; longer ones are refused (the article is flagged {@code url-too-long}). */
  public static final int MAX_LENGTH = 2048;

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid",
      "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ocid", "cmpid", "ncid", "sr_share", "at_medium", "at_campaign",
      "spm", "__twitter_impression", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "wt.mc_id", "ito", "icid",
      "s_cid", "rss", "ref_src", "mkt_tok");

  /** RFC 3986 appendix B: scheme, authority, path, query (the fragment is dropped). */
  private static final Pattern PARTS = Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
  /** Inputs longer than this are not URLs anyone wrote; refusing them early keeps the cost bounded. */
  private static final int MAX_INPUT = 1 << 20;

  private UrlCanonicalizer() {
  }

  /** A URL split into its parts (any may be null except the path). */
  private record Parts(String scheme, String authority, String path, String query) {
  }

  /**
   * The canonical form of a link.
   *
   * @param link the link as found (may be relative)
   * @param base the URL relative links are resolved against (xml:base, feed link or feed URL), may be null
   * @return the canonical URL, or null when the link is not a usable absolute http(s) URL or its canonical form is
   *         longer than {@link #MAX_LENGTH}
   */
  public static String canonicalize(String link, String base) {
    String c = unbounded(link, base);
    return c == null || c.length() > MAX_LENGTH ? null : c;
  }

  /** The canonical form without the length cap (for telling "too long" apart from "no URL"), null when none. */
  static String unbounded(String link, String base) {
    if (link == null || link.isBlank() || link.length() > MAX_INPUT) {
      return null;
    }
    Parts ref = split(link.strip());
    if (ref == null) {
      return null;
    }
    Parts target;
    if (ref.scheme() != null) {
      target = new Parts(ref.scheme(), ref.authority(), removeDotSegments(ref.path()), ref.query());
    } else {
      Parts b = base == null || base.isBlank() || base.length() > MAX_INPUT ? null : split(base.strip());
      if (b == null || b.scheme() == null) {
        return null;
      }
      target = resolve(b, ref);
    }
    String scheme = target.scheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || target.authority() == null) {
      return null;
    }
    String hostPort = hostAndPort(target.authority(), scheme);
    if (hostPort == null) {
      return null;
    }
    // RFC 3986 6.2.2: percent-encoding normalised before dot segments, so "/%2e/" is removed like "/./"
    String path = removeDotSegments(encode(target.path(), false));
    String query = cleanQuery(target.query());
    StringBuilder sb = new StringBuilder(scheme.length() + hostPort.length() + path.length() + 16);
    sb.append(scheme).append("://").append(hostPort).append(path.isEmpty() ? "/" : path);
    if (query != null) {
      sb.append('?').append(query);
    }
    return sb.toString();
  }

  private static Parts split(String s) {
    Matcher m = PARTS.matcher(s);
    if (!m.find()) {
      return null;
    }
    String scheme = m.group(1);
    if (scheme != null && !SCHEME.matcher(scheme).matches()) {
      return null;
    }
    return new Parts(scheme, m.group(2), m.group(3), m.group(4));
  }

  /** RFC 3986 section 5.2.2, reference resolution (the reference has no scheme). */
  private static Parts resolve(Parts base, Parts ref) {
    if (ref.authority() != null) {
      return new Parts(base.scheme(), ref.authority(), removeDotSegments(ref.path()), ref.query());
    }
    if (ref.path().isEmpty()) {
      return new Parts(base.scheme(), base.authority(), removeDotSegments(base.path()),
          ref.query() != null ? ref.query() : base.query());
    }
    String path;
    if (ref.path().startsWith("/")) {
      path = ref.path();
    } else if (base.authority() != null && base.path().isEmpty()) {
      path = "/" + ref.path();
    } else {
      int slash = base.path().lastIndexOf('/');
      path = (slash < 0 ? "" : base.path().substring(0, slash + 1)) + ref.path();
    }
    return new Parts(base.scheme(), base.authority(), removeDotSegments(path), ref.query());
  }

  /** RFC 3986 section 5.2.4, in one pass over the segments. */
  static String removeDotSegments(String path) {
    if (path.indexOf('.') < 0) {
      return path;
    }
    String[] segments = path.split("/", -1);
    List<String> out = new ArrayList<>(segments.length);
    boolean absolute = path.startsWith("/");
    for (int i = absolute ? 1 : 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".") || s.equalsIgnoreCase("%2e")) {
        if (last) {
          out.add("");
        }
      } else if (s.equals("..") || s.equalsIgnoreCase(".%2e") || s.equalsIgnoreCase("%2e.")
          || s.equalsIgnoreCase("%2e%2e")) {
        if (!out.isEmpty()) {
          out.removeLast();
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(s);
      }
    }
    return (absolute ? "/" : "") + String.join("/", out);
  }

  /** Host (ASCII, lower case, no trailing dot) and non-default port of an authority; null when it has no usable host. */
  private static String hostAndPort(String authority, String scheme) {
    String a = authority.substring(authority.lastIndexOf('@') + 1); // credentials never stay in a canonical URL
    String host;
    String port = null;
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = a.substring(0, close + 1).toLowerCase(Locale.ROOT);
      if (!IPV6.matcher(host).matches()) {
        return null;
      }
      if (close + 1 < a.length()) {
        if (a.charAt(close + 1) != ':') {
          return null;
        }
        port = a.substring(close + 2);
      }
    } else {
      int colon = a.lastIndexOf(':');
      host = colon < 0 ? a : a.substring(0, colon);
      port = colon < 0 ? null : a.substring(colon + 1);
      host = asciiHost(decode(host));
      if (host == null) {
        return null;
      }
    }
    if (port != null && !port.isEmpty()) {
      if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int p = Integer.parseInt(port);
      if (p == 0 || p > 65535) {
        return null;
      }
      port = p == 80 && scheme.equals("http") || p == 443 && scheme.equals("https") ? null : String.valueOf(p);
    } else {
      port = null;
    }
    return port == null ? host : host + ':' + port;
  }

  private static String asciiHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (h.isEmpty() || h.length() > 253) {
      return null;
    }
    try {
      h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return HOST_NAME.matcher(h).matches() ? h : null;
  }

  /** Percent-decodes a host (hosts may be written encoded); null when the bytes are not UTF-8 text. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] out = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        out[n++] = (byte) c;
      } else {
        return null; // mixed raw Unicode and escapes in a host: not worth guessing
      }
    }
    var decoder = StandardCharsets.UTF_8.newDecoder();
    try {
      return decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Normalised percent-encoding of a path or query: escapes of unreserved characters decoded, other escapes with
   * upper-case hex, a stray '%' written as %25, and characters outside the URL alphabet (spaces, controls, non-ASCII
   * as UTF-8) encoded. In a query '&amp;' and '=' stay as they are.
   */
  static String encode(String s, boolean query) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int h1 = i + 1 < s.length() ? hex(s.charAt(i + 1)) : -1;
        int h2 = i + 2 < s.length() ? hex(s.charAt(i + 2)) : -1;
        if (h1 < 0 || h2 < 0) {
          sb.append("%25");
          continue;
        }
        char decoded = (char) (h1 * 16 + h2);
        if (unreserved(decoded)) {
          sb.append(decoded);
        } else {
          appendEscape(sb, decoded);
        }
        i += 2;
      } else if (unreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?') {
        sb.append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        for (byte b : s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8)) {
          appendEscape(sb, b & 0xff);
        }
        i++;
      } else if (!Character.isSurrogate(c)) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          appendEscape(sb, b & 0xff);
        }
      }
      // a lone surrogate is no character at all: dropped
    }
    return sb.toString();
  }

  private static boolean unreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
        || c == '~';
  }

  private static void appendEscape(StringBuilder sb, int b) {
    sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static String cleanQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : encode(rawQuery, true).split("&")) {
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
}
