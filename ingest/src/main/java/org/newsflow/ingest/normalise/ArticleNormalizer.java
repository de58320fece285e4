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
import org.newsflow.ingest.parse.FeedEntry;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.parse.TextContext;
import org.newsflow.ingest.registry.FeedDefinition;

/** Turns the entries of a parsed feed into Articles with canonical URLs, stable ids, UTC dates and clean content. */
public final class ArticleNormalizer {

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
    String entryBase = webBase(e.baseUri(), feedUrl);
    String base = entryBase != null ? entryBase : feedBase;
    String canonical = UrlCanonicalizer.canonicalize(e.link(), base);
    if (canonical == null && e.guid() != null && e.guid().matches("(?i)^https?://.*")) {
      canonical = UrlCanonicalizer.canonicalize(e.guid(), base);
    }
    String title = html.titleText(e.title());
    String id;
    if (canonical != null) {
      id = ArticleIds.fromCanonicalUrl(canonical);
    } else if (e.guid() != null && !e.guid().isBlank()) {
      id = ArticleIds.fromFeedAndGuid(feedUrl, e.guid().strip());
    } else if (!title.isEmpty()) {
      id = ArticleIds.fromFeedAndGuid(feedUrl, "title:" + title);
    } else {
      return null;
    }
    String bodyHtml = e.contentHtml() != null ? e.contentHtml() : e.summaryHtml();
    TextContext bodyContext = e.contentHtml() != null ? e.contentContext() : e.summaryContext();
    // URLs in the body resolve against its own xml:base when the feed declares one, else against the article's URL
    String declaredBodyBase = webBase(bodyContext.base(), feedUrl);
    String bodyBase = declaredBodyBase != null ? declaredBodyBase : canonical != null ? canonical : base;
    // one parse gives both the clean HTML and the text the taggers read
    HtmlCleaner.Cleaned body = html.clean(bodyHtml, bodyBase);
    String contentHtml = body.html();
    String text = body.text();
    String summary = bodyHtml == e.summaryHtml() ? text : html.toText(e.summaryHtml());
    List<String> flags = new ArrayList<>();
    Instant published = e.published() != null ? e.published() : e.updated();
    if (published == null) {
      published = fetched;
      flags.add(Article.FLAG_DATE_MISSING);
    }
    Instant updated = e.updated() != null && e.updated().isAfter(published) ? e.updated() : published;
    if (parsed.recovered()) {
      flags.add(Article.FLAG_RECOVERED);
    }
    return Article.builder()
        .id(id)
        .url(canonical)
        .link(e.link())
        .guid(e.guid())
        .feedId(feed.id())
        .feedUrl(feedUrl)
        .feedTitle(parsed.title() == null ? feed.name() : html.titleText(parsed.title()))
        .title(title)
        .summary(summary)
        .contentHtml(contentHtml)
        .text(text)
        .authors(e.authors())
        .categories(e.categories())
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
    List<Enclosure> out = new ArrayList<>(e.enclosures().size());
    for (Enclosure m : e.enclosures()) {
      String url = UrlCanonicalizer.canonicalize(m.url(), base);
      if (url != null) {
        out.add(new Enclosure(url, m.type(), m.length()));
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
      l = language(e.language());
    }
    return l != null ? l : language(parsed.language());
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
