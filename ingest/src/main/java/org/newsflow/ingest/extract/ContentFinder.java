package org.newsflow.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of a page's body: drops what is never article text (scripts, navigation, forms, hidden
 * elements, blocks whose class or id names boilerplate), scores every container by the paragraphs it holds (long,
 * comma-rich, link-poor text counts most, shared with parent and grandparent), takes the best one with its
 * paragraph-rich siblings, and removes link lists and other boilerplate left inside. Every step is one walk over
 * the tree or over the chosen nodes: linear in the page's size, no recursion on its depth.
 */
final class ContentFinder {

  /** Elements removed with their content before scoring: never part of an article's text. */
  private static final Set<String> NEVER = Set.of("script", "style", "noscript", "template", "svg", "math", "iframe",
      "frame", "object", "embed", "canvas", "video", "audio", "button", "input", "select", "textarea", "option",
      "nav", "aside", "footer", "link", "meta", "head", "title", "dialog", "menu", "form");

  /** Elements that do not break a paragraph: their text belongs to the enclosing block. */
  private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "dfn",
      "em", "font", "i", "img", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
      "time", "tt", "u", "var", "wbr", "del", "ins", "label");

  /** Paragraphs shorter than this (characters of text) do not vote for their containers. */
  private static final int MIN_PARAGRAPH = 25;
  /** How much more paragraph text a parent must hold for the content to be taken from it. */
  private static final double CLIMB_GAIN = 1.3;
  /**
   * Characters of paragraph text an ancestor must add to be climbed to: the other parts of a split article are
   * paragraphs, while a standfirst or a caption beside a short text is not worth the boilerplate that comes with it.
   */
  private static final int MIN_CLIMB_ADDED = 300;
  /** Ancestors looked at above the current container when climbing. */
  private static final int CLIMB_LEVELS = 12;
  /** Parents with more link text than this share are menus and teaser lists, not article containers. */
  private static final double MAX_CLIMB_DENSITY = 0.35;
  /** Share of the page's text above which a block is not removed for its class or id alone. */
  private static final double MAX_NAMED_SHARE = 0.4;

  /** Per-element counts gathered in one walk. */
  private static final class Stats {
    int text;      // characters of text (white space excluded) in the subtree
    int links;     // of which inside links
    int inline;    // characters of text of the element's own paragraph (not inside nested blocks)
    int commas;    // commas in that own text
    double score;  // votes from the paragraphs below
    double prose;  // characters of link-free paragraph text in the subtree
    int images;    // img elements in the subtree
    int times;     // time elements in the subtree
  }

  private final Map<Element, Stats> stats = new IdentityHashMap<>();

  /** The content nodes of a body, in document order; empty when the page has no paragraph text. */
  List<Element> find(Element body) {
    prune(body);
    pruneNamed(body);
    count(body);
    Element top = null;
    double best = 0;
    for (Map.Entry<Element, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      if (s.score <= 0) {
        continue;
      }
      double score = s.score * (1 - density(s)) + classWeight(e.getKey());
      s.score = score;
      if (score > best) {
        best = score;
        top = e.getKey();
      }
    }
    if (top == null) {
      return List.of();
    }
    top = climb(top, body);
    best = Math.max(best, stats.get(top).score);
    List<Element> out = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null) {
      out.add(top);
    } else {
      double threshold = Math.max(10, best * 0.2);
      for (Element sibling : parent.children()) {
        if (sibling == top || keepSibling(sibling, threshold)) {
          out.add(sibling);
        }
      }
    }
    for (Element e : out) {
      tidy(e);
    }
    return out;
  }

  /**
   * Moves up from the best container while its parent holds clearly more paragraph text: articles split into
   * several columns or sections (around ads, pull quotes, paywall markers) leave each part's container with only a
   * share of the votes, while their common ancestor holds the whole text.
   */
  private Element climb(Element top, Element body) {
    Element cur = top;
    boolean moved = true;
    while (moved) {
      moved = false;
      Stats cs = stats.get(cur);
      Element a = cur.parent();
      // wrappers that add nothing are passed over: look a few levels up for the ancestor that adds text
      for (int level = 0; level < CLIMB_LEVELS && a != null && a != body; level++, a = a.parent()) {
        Stats as = stats.get(a);
        if (as == null || density(as) > MAX_CLIMB_DENSITY) {
          break;
        }
        if (as.prose >= cs.prose * CLIMB_GAIN && as.prose - cs.prose >= MIN_CLIMB_ADDED) {
          cur = a;
          moved = true;
          break;
        }
      }
    }
    return cur;
  }

  private boolean keepSibling(Element sibling, double threshold) {
    Stats s = stats.get(sibling);
    if (s == null) {
      return false;
    }
    if (s.score >= threshold) {
      return true;
    }
    if (sibling.normalName().equals("p")) {
      double d = density(s);
      return s.inline > 80 && d < 0.25 || s.inline > 0 && d == 0 && endsSentence(sibling.text());
    }
    return false;
  }

  private static boolean endsSentence(String t) {
    String s = t.strip();
    return !s.isEmpty() && ".!?\"”’".indexOf(s.charAt(s.length() - 1)) >= 0;
  }

  /** Removes what is never content. */
  private static void prune(Element body) {
    List<Element> drop = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e && e != body && isNoise(e)) {
          drop.add(e);
        }
      }
    }, body);
    for (Element e : drop) {
      e.remove();
    }
  }

  /** A named block being measured: where its text started. */
  private record Open(Element element, int start) {
  }

  /**
   * Removes blocks whose class or id names boilerplate, unless they hold much of the page's text: layouts name the
   * page's wrapper after what sits beside the article ("with-sidebar"), and such a wrapper is not boilerplate.
   */
  private static void pruneNamed(Element body) {
    // one light walk measures the text of the named blocks (characters before and after each), no per-element state
    List<Element> named = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
    int[] total = {0};
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          total[0] += nonSpace(t.getWholeText());
        } else if (node instanceof Element e && e != body && isNamedNoise(e)) {
          open.push(new Open(e, total[0]));
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!open.isEmpty() && open.peek().element() == node) {
          Open o = open.pop();
          named.add(o.element());
          sizes.add(total[0] - o.start());
        }
      }
    }, body);
    for (int i = 0; i < named.size(); i++) {
      if (sizes.get(i) < total[0] * MAX_NAMED_SHARE) {
        named.get(i).remove();
      }
    }
  }

  private static boolean isNamedNoise(Element e) {
    String tag = e.normalName();
    String names = BlockNames.of(e);
    return !names.isEmpty() && BlockNames.boilerplate(names) && !BlockNames.content(names)
        && !tag.equals("body") && !tag.equals("article") && !tag.equals("main");
  }

  private static boolean isNoise(Element e) {
    String tag = e.normalName();
    if (NEVER.contains(tag)) {
      return !(tag.equals("form") || tag.equals("menu")) || !hasContentWords(e);
    }
    if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && !INLINE.contains(tag)) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (st.contains("display:none") || st.contains("visibility:hidden")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasContentWords(Element e) {
    // ASP.NET pages wrap the whole page in one form: keep a form when it says it holds content
    String names = BlockNames.of(e);
    return BlockNames.content(names) || e.normalName().equals("form") && e.getElementsByTag("p").size() > 3;
  }

  /** Gathers text, link text and paragraph votes for every element, bottom up. */
  private void count(Element body) {
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          stats.put(e, new Stats());
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof TextNode t) {
          Element parent = (Element) t.parentNode();
          Stats p = stats.get(parent);
          if (p != null) {
            String s = t.getWholeText();
            int n = nonSpace(s);
            p.text += n;
            p.inline += n;
            p.commas += commas(s);
          }
        } else if (node instanceof Element e && e != body) {
          Stats s = stats.get(e);
          Element parent = e.parent();
          Stats p = parent == null ? null : stats.get(parent);
          if (p == null) {
            return;
          }
          switch (e.normalName()) {
            case "a" -> s.links = s.text;
            case "img" -> s.images++;
            case "time" -> s.times++;
            default -> {
              // counted through its children
            }
          }
          if (INLINE.contains(e.normalName())) {
            p.inline += s.inline;
            p.commas += s.commas;
          } else if (s.inline >= MIN_PARAGRAPH) {
            vote(e, s);
          }
          p.text += s.text;
          p.links += s.links;
          p.prose += s.prose;
          p.images += s.images;
          p.times += s.times;
        }
      }
    }, body);
  }

  /** A paragraph's votes go to its parent, grandparent and great-grandparent. */
  private void vote(Element paragraph, Stats s) {
    double linkShare = s.text == 0 ? 0 : (double) s.links / s.text;
    s.prose += s.inline * (1 - linkShare);
    double score = (1 + s.commas + Math.min(s.inline / 100.0, 3)) * (1 - linkShare);
    Element e = paragraph.parent();
    for (int level = 0; level < 3 && e != null; level++) {
      Stats p = stats.get(e);
      if (p == null) {
        break;
      }
      p.score += level == 0 ? score : level == 1 ? score / 2 : score / 6;
      e = e.parent();
    }
  }

  private static double classWeight(Element e) {
    String names = BlockNames.of(e);
    if (names.isEmpty()) {
      return 0;
    }
    double w = 0;
    if (BlockNames.content(names)) {
      w += 25;
    }
    if (BlockNames.boilerplate(names)) {
      w -= 25;
    }
    return w;
  }

  /** Removes link lists, headings and empty blocks from chosen content. */
  private void tidy(Element root) {
    List<Element> drop = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (!(node instanceof Element e) || e == root) {
          return;
        }
        Stats s = stats.get(e);
        if (s == null) {
          return;
        }
        String tag = e.normalName();
        if (tag.equals("h1") || tag.equals("figcaption") || tag.equals("figure") && s.prose == 0) {
          drop.add(e);
        } else if (!INLINE.contains(tag) && !tag.equals("p") && s.text > 0 && density(s) > 0.5) {
          drop.add(e);
        } else if (!tag.equals("p") && !INLINE.contains(tag) && s.text < 200 && s.prose < 100
            && s.images > 0) {
          drop.add(e); // an image with its caption and credit
        } else if (!tag.equals("p") && s.text < 120 && s.times > 0) {
          drop.add(e); // a dateline ("Published … Updated …"), not body text
        } else if ((tag.equals("ul") || tag.equals("ol") || tag.equals("table") || tag.equals("div"))
            && s.text > 0 && s.text < 200 && density(s) > 0.3) {
          drop.add(e);
        }
      }
    }, root);
    for (Element e : drop) {
      e.remove();
    }
  }

  private static double density(Stats s) {
    return s.text == 0 ? 0 : (double) s.links / s.text;
  }

  private static int nonSpace(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c != '\u00a0') {
        n++;
      }
    }
    return n;
  }

  private static int commas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '，' || c == '、') {
        n++;
      }
    }
    return n;
  }
}
