package org.newsflow.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it: boilerplate (comments, share bars, related links, ads …) or content
 * (article, body, story …). Names are read as words, never matched per site.
 */
final class BlockNames {

  /** Class and id words (runs of letters) of boilerplate blocks. */
  private static final Set<String> BOILERPLATE = Set.of("comment", "comments", "share", "sharing", "social",
      "related", "recommend", "recommended", "recommendations", "newsletter", "subscribe", "subscription", "promo",
      "sponsor", "sponsored", "ad", "ads", "breadcrumb", "breadcrumbs", "sidebar", "footer", "masthead", "menu",
      "navbar", "nav", "popup", "modal", "cookie", "banner", "outbrain", "taboola", "disqus", "byline", "tag", "tags",
      "toolbar", "widget", "signup", "paywall", "mostpopular", "trending", "readmore", "skip", "hidden", "caption",
      "credit");
  /** Word prefixes of boilerplate blocks ("advertisement", "advertorial"). */
  private static final List<String> BOILERPLATE_PREFIXES = List.of("advert");
  /** Two-word boilerplate names ("most-popular", "sr-only"). */
  private static final Set<String> BOILERPLATE_PAIRS = Set.of("most popular", "read more", "author bio",
      "more stories", "print only", "sr only", "visually hidden");

  /** Class and id words of content blocks; they protect an element from the boilerplate words. */
  private static final Set<String> CONTENT = Set.of("article", "body", "content", "entry", "main", "post", "story",
      "text", "prose", "markdown");

  private BlockNames() {
  }

  /** Whether lower-cased names contain a boilerplate word. */
  static boolean boilerplate(String names) {
    return hasWord(names, true);
  }

  /** Whether lower-cased names contain a content word. */
  static boolean content(String names) {
    return hasWord(names, false);
  }

  /**
   * Whether lower-cased class and id names contain a boilerplate word (or a content word): names are split into
   * runs of letters, so "post__content", "article-body" and "adSlot" (lower-cased "adslot": no) are read as words.
   */
  private static boolean hasWord(String names, boolean boilerplate) {
    String previous = null;
    int i = 0;
    int n = names.length();
    while (i < n) {
      while (i < n && !isLetter(names.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isLetter(names.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      String word = names.substring(start, i);
      if (!boilerplate) {
        if (CONTENT.contains(word)) {
          return true;
        }
        continue;
      }
      if (BOILERPLATE.contains(word) || previous != null && BOILERPLATE_PAIRS.contains(previous + " " + word)) {
        return true;
      }
      for (String prefix : BOILERPLATE_PREFIXES) {
        if (word.startsWith(prefix)) {
          return true;
        }
      }
      previous = word;
    }
    return false;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** The lower-cased class and id of an element, empty when it has neither. */
  static String of(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
