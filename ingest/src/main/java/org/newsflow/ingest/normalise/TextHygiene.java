package org.newsflow.ingest.normalise;

import java.util.ArrayList;
import java.util.List;

/**
 * What every text of an article goes through before it leaves ingest: C0 control characters (other than tab and
 * line breaks) and lone surrogates removed, since JSON consumers, OpenSearch and browsers choke on them; and size
 * caps, so that one article never outgrows a Kafka record (see {@link ArticleNormalizer} for the figures).
 */
final class TextHygiene {

  private TextHygiene() {
  }

  /** {@code s} without C0 controls (tab, LF and CR kept) and lone surrogates; null stays null. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && keep(s, i)) {
      i++;
    }
    if (i == n) {
      return s; // the usual case: nothing to remove, no copy
    }
    StringBuilder sb = new StringBuilder(n);
    sb.append(s, 0, i);
    for (; i < n; i++) {
      if (keep(s, i)) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  private static boolean keep(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return true;
  }

  /** At most {@code max} characters of {@code s}, never ending in half a surrogate pair. */
  static String cap(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  /**
   * At most {@code max} characters of clean HTML, cut before a tag or character reference, never inside one. Tags
   * left open are harmless: everything in the HTML passed the allow-list already.
   */
  static String capHtml(String html, int max) {
    if (html == null || html.length() <= max) {
      return html;
    }
    int end = max;
    int lt = html.lastIndexOf('<', end - 1);
    int gt = html.lastIndexOf('>', end - 1);
    if (lt > gt) {
      end = lt; // inside a tag
    }
    int amp = html.lastIndexOf('&', end - 1);
    if (amp >= 0 && html.indexOf(';', amp) >= end) {
      end = amp; // inside a character reference
    }
    return cap(html, end);
  }

  /** The list with each item cleaned and capped, at most {@code maxItems} of them, blank ones dropped. */
  static List<String> cleanList(List<String> items, int maxItems, int maxChars) {
    List<String> out = new ArrayList<>(Math.min(items.size(), maxItems));
    for (String item : items) {
      if (out.size() == maxItems) {
        break;
      }
      String c = cap(clean(item), maxChars);
      if (c != null && !c.isBlank()) {
        out.add(c);
      }
    }
    return out;
  }
}
