package org.newsflow.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.common.article.Enclosure;
import org.newsflow.ingest.parse.DateParser;
import org.newsflow.ingest.parse.FeedEntry;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.parse.TextContext;
import org.newsflow.ingest.registry.FeedDefinition;

/** Turns the entries of a parsed feed into Articles with canonical URLs, stable ids, UTC dates and clean content. */
public final class ArticleNormalizer {

  /*
   * Size caps: with every character three bytes of UTF-8 the texts come to at most about 800 KB of JSON, within the
   * raw topic's max.message.bytes and the publisher's max.request.size (2 MiB each; Topics, ArticlePublisher).
   * News articles are far shorter; a cut article is flagged "truncated".
   */
  /** Longest title (and feed title) kept, in characters. */
  static final int MAX_TITLE = 1_000;
  /** Longest summary kept. */
  static final int MAX_SUMMARY = 10_000;
  /** Longest plain text kept. */
  static final int MAX_TEXT = 100_000;
  /** Longest clean HTML kept. */
  static final int MAX_HTML = 150_000;
  /** Most authors, categories and enclosures kept. */
  static final int MAX_LIST_ITEMS = 20;
  /** Longest author name, category or media type kept. */
  static final int MAX_ITEM_CHARS = 200;
  /** How far ahead of the fetch a feed may date an entry (clock skew, time zones written wrong). */
  static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);

  private final HtmlCleaner html = new HtmlCleaner();

  /**
   * Normalises every usable entry of a feed; entries with neither a link nor a guid nor a title are skipped.
   *
   * @param feed     the feed's registration
   * @param feedUrl  where the document was fetched from (after redirects)
   * @param parsed   the parsed document
   * @param fetched  when it was fetched
   */
  public List<Article> normalize(FeedDefinition feed, String feedUrl, ParsedFeed parsed, Instant fetched) {
    List<Article> out = new ArrayList<>(parsed.entries().size());
    String feedBase = parsed.link() != null && parsed.link().matches("(?i)^https?://.*") ? parsed.link() : feedUrl;
    for (FeedEntry e : parsed.entries()) {
      Article a = normalize(feed, feedUrl, feedBase, parsed, e, fetched);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  private Article normalize(FeedDefinition feed, String feedUrl, String feedBase, ParsedFeed parsed, FeedEntry e,
                            Instant fetched) {
    // the entry's xml:base wins over the feed's link; a relative one resolves against the document's URL
    String entryBase = webBase(e.scope().base(), feedUrl);
    String base = entryBase != null ? entryBase : feedBase;
    List<String> flags = new ArrayList<>();
    String link = TextHygiene.clean(e.links().link());
    String guid = TextHygiene.clean(e.guid());
    String canonical = UrlCanonicalizer.unbounded(link, base);
    if (canonical == null && guid != null && guid.matches("(?i)^https?://.*")) {
      canonical = UrlCanonicalizer.unbounded(guid, base);
    }
    if (canonical != null && canonical.length() > UrlCanonicalizer.MAX_LENGTH) {
      canonical = null;
      flags.add(Article.FLAG_URL_TOO_LONG);
    }
    String title = TextHygiene.clean(html.titleText(TextHygiene.clean(e.title().value())));
    String id;
    if (canonical != null) {
      id = ArticleIds.fromCanonicalUrl(canonical);
    } else if (guid != null && !guid.isBlank()) {
      id = ArticleIds.fromFeedAndGuid(feedUrl, guid.strip());
    } else if (!title.isEmpty()) {
      id = ArticleIds.fromFeedAndGuid(feedUrl, "title:" + title);
    } else {
      return null;
    }
    String summaryHtml = TextHygiene.clean(e.summary().value());
    boolean hasContent = e.content().value() != null;
    String bodyHtml = hasContent ? TextHygiene.clean(e.content().value()) : summaryHtml;
    TextContext bodyContext = (hasContent ? e.content() : e.summary()).context();
    // URLs in the body resolve against its own xml:base when the feed declares one, else against the article's URL
    String declaredBodyBase = webBase(bodyContext.base(), feedUrl);
    String bodyBase = declaredBodyBase != null ? declaredBodyBase : canonical != null ? canonical : base;
    // one parse gives both the clean HTML and the text the taggers read
    HtmlCleaner.Cleaned body = html.clean(bodyHtml, bodyBase);
    String contentHtml = TextHygiene.clean(body.html());
    String text = TextHygiene.clean(body.text());
    String summary = bodyHtml == summaryHtml ? text : TextHygiene.clean(html.toText(summaryHtml));
    if (text.isBlank() && !summary.isBlank()) {
      // content with no words of its own (an image, an embedded player): the summary is what the taggers and the
      // search index should read; contentHtml keeps the content as published
      text = summary;
    }
    boolean cut = title.length() > MAX_TITLE || summary.length() > MAX_SUMMARY || text.length() > MAX_TEXT
        || contentHtml.length() > MAX_HTML;
    if (cut) {
      title = TextHygiene.cap(title, MAX_TITLE);
      summary = TextHygiene.cap(summary, MAX_SUMMARY);
      text = TextHygiene.cap(text, MAX_TEXT);
      contentHtml = TextHygiene.capHtml(contentHtml, MAX_HTML);
      flags.add(Article.FLAG_TRUNCATED);
    }
    Instant entryPublished = DateParser.bounded(e.dates().published());
    Instant entryUpdated = DateParser.bounded(e.dates().updated());
    Instant published = entryPublished != null ? entryPublished : entryUpdated;
    Instant latest = fetched.plus(FUTURE_TOLERANCE);
    if (published == null) {
      published = fetched;
      flags.add(Article.FLAG_DATE_MISSING);
    } else if (published.isAfter(latest)) {
      // a clock or a typo a year ahead would pin the article to the top of every "newest first" list
      published = fetched;
      flags.add(Article.FLAG_DATE_FUTURE);
    }
    Instant updated = entryUpdated != null && entryUpdated.isAfter(published) ? entryUpdated : published;
    if (updated.isAfter(latest)) {
      updated = fetched;
      if (!flags.contains(Article.FLAG_DATE_FUTURE)) {
        flags.add(Article.FLAG_DATE_FUTURE);
      }
    }
    if (parsed.reading().recovered()) {
      flags.add(Article.FLAG_RECOVERED);
    }
    return Article.builder()
        .id(id)
        .url(canonical)
        .link(TextHygiene.cap(link, UrlCanonicalizer.MAX_LENGTH))
        .guid(TextHygiene.cap(guid, UrlCanonicalizer.MAX_LENGTH))
        .feedId(feed.id())
        .feedUrl(feedUrl)
        .feedTitle(TextHygiene.cap(TextHygiene.clean(parsed.title().value() == null ? feed.name()
            : html.titleText(TextHygiene.clean(parsed.title().value()))), MAX_TITLE))
        .title(title)
        .summary(summary)
        .contentHtml(contentHtml)
        .text(text)
        .authors(TextHygiene.cleanList(e.people().names(), MAX_LIST_ITEMS, MAX_ITEM_CHARS))
        .categories(TextHygiene.cleanList(e.categories(), MAX_LIST_ITEMS, MAX_ITEM_CHARS))
        .enclosures(enclosures(e, base))
        .published(published)
        .updated(updated)
        .fetched(fetched)
        .language(language(bodyContext, e, parsed))
        .contentHash(ArticleIds.hash(title + "\n" + text))
        .flags(flags)
        .build();
  }

  /** Attached media with URLs made absolute; media without a usable http(s) URL are dropped. */
  private static List<Enclosure> enclosures(FeedEntry e, String base) {
    List<Enclosure> out = new ArrayList<>(e.links().enclosures().size());
    for (Enclosure m : e.links().enclosures()) {
      if (out.size() == MAX_LIST_ITEMS) {
        break;
      }
      String url = UrlCanonicalizer.canonicalize(m.url(), base);
      if (url != null) {
        out.add(new Enclosure(url, TextHygiene.cap(TextHygiene.clean(m.type()), MAX_ITEM_CHARS), m.length()));
      }
    }
    return out;
  }

  /**
   * The article's language hint: the xml:lang in effect on its body, else on the entry, else the feed's language.
   * The most specific declaration wins, since a multilingual feed marks each entry (or text) with its own.
   */
  private static String language(TextContext body, FeedEntry e, ParsedFeed parsed) {
    String l = language(body.language());
    if (l == null) {
      l = language(e.scope().language());
    }
    return l != null ? l : language(parsed.scope().language());
  }

  /**
   * A base that web links can resolve against: {@code base} made absolute against the document's URL, or null when
   * there is none or it is not http(s) (a feed read from a {@code file:} URL has its file as base, against which no
   * article URL can resolve; its channel link or the article's URL serve instead).
   */
  private static String webBase(String base, String documentUrl) {
    if (base == null) {
      return null;
    }
    String b = absolute(base, documentUrl);
    return b.regionMatches(true, 0, "http://", 0, 7) || b.regionMatches(true, 0, "https://", 0, 8) ? b : null;
  }

  /** {@code base} made absolute against the document's URL (unchanged when that cannot be done). */
  private static String absolute(String base, String documentUrl) {
    if (documentUrl == null) {
      return base;
    }
    try {
      URI b = new URI(base.strip().replace(" ", "%20"));
      return b.isAbsolute() ? base : new URI(documentUrl.strip().replace(" ", "%20")).resolve(b).toString();
    } catch (URISyntaxException | IllegalArgumentException ex) {
      return base;
    }
  }

  private static String language(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String l = declared.strip().toLowerCase(Locale.ROOT);
    int dash = l.indexOf('-');
    if (dash < 0) {
      dash = l.indexOf('_');
    }
    l = dash > 0 ? l.substring(0, dash) : l;
    return l.matches("[a-z]{2,3}") ? l : null;
  }
}
