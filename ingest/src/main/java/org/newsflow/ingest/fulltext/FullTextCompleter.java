package org.newsflow.ingest.fulltext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.ingest.extract.ExtractedPage;
import org.newsflow.ingest.registry.PageCounts;
import org.newsflow.ingest.registry.FeedDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives one feed's summary-only entries their article's full text. It sees each article revision once, when the
 * poller is about to publish it: entries with short texts (or all entries of a feed marked {@code fullText}) get
 * their page fetched and extracted; the text and sanitised HTML replace the feed's, the summary stays, and the
 * article is flagged {@code full-text} (or {@code paywalled}, keeping the summary, when the page says it is not
 * free). An entry whose page fails is published with its summary all the same and kept here to be retried with
 * backoff; when its page arrives it is published again as a revision. One instance per feed, used by its poller.
 */
public final class FullTextCompleter {

  private static final Logger LOG = LoggerFactory.getLogger(FullTextCompleter.class);
  /** Articles waiting for a retry at most per feed; the oldest are given up first. */
  static final int MAX_PENDING = 200;

  private final PageFetcher pages;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private long fetched;
  private long refused;
  private long failed;

  private record Pending(Article article, int attempts, Instant nextTry) {
  }

  /**
   * @param pages    the instance's page fetcher, null for none (no page is ever fetched)
   * @param restored the feed's counts from its poller's last recorded state, null for none
   */
  public FullTextCompleter(PageFetcher pages, PageCounts restored) {
    this.pages = pages;
    if (restored != null) {
      fetched = restored.fetched();
      refused = restored.refused();
      failed = restored.failed();
    }
  }

  /** A completer that fetches nothing. */
  public static FullTextCompleter none() {
    return new FullTextCompleter(null, null);
  }

  /** The counts so far, null while this feed never needed a page. */
  public synchronized PageCounts counts() {
    if (fetched == 0 && refused == 0 && failed == 0 && pending.isEmpty()) {
      return null;
    }
    return new PageCounts(fetched, refused, failed, pending.size());
  }

  /**
   * The articles to publish for new or revised feed articles: each one whose page was needed and arrived carries
   * its page's text. Never fails: a page that cannot be had leaves its article as the feed gave it.
   */
  public synchronized List<Article> complete(FeedDefinition feed, List<Article> articles) {
    if (pages == null || !pages.options().enabled()) {
      return articles;
    }
    List<Article> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      pending.remove(a.id()); // a new revision replaces one that waited for its page
      String url = pageUrl(a);
      if (url == null || !feed.fullText() && words(a.text()) >= pages.options().minWords()
          || Thread.currentThread().isInterrupted()) {
        out.add(a);
        continue;
      }
      out.add(attempt(a, url, 1, false));
    }
    return out;
  }

  /** Revisions of articles whose page failed earlier and has arrived now; retries only those that are due. */
  public synchronized List<Article> retryDue() {
    if (pending.isEmpty()) {
      return List.of();
    }
    Instant now = pages.clock().instant();
    List<Pending> due = new ArrayList<>();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (!p.nextTry().isAfter(now)) {
        due.add(p);
        it.remove();
      }
    }
    List<Article> out = new ArrayList<>();
    for (Pending p : due) {
      if (Thread.currentThread().isInterrupted()) {
        pending.put(p.article().id(), p);
        continue;
      }
      Article a = attempt(p.article(), pageUrl(p.article()), p.attempts() + 1, true);
      if (a != p.article()) {
        out.add(a);
      }
    }
    return out;
  }

  /** One page fetch for an article: the completed article, or the article itself when the page did not help. */
  private Article attempt(Article a, String url, int attempt, boolean revision) {
    PageOutcome o;
    try {
      o = pages.fetch(url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return a;
    }
    switch (o.kind()) {
      case FETCHED -> {
        fetched++;
        return withPage(a, o.page(), revision);
      }
      case REFUSED -> {
        refused++;
        LOG.debug("article page refused: {}", o.reason());
        return a;
      }
      default -> {
        failed++;
        if (attempt < pages.options().maxAttempts()) {
          if (pending.size() >= MAX_PENDING) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
          }
          pending.put(a.id(), new Pending(a, attempt, pages.clock().instant().plus(pages.retryDelay(attempt))));
        }
        LOG.info("article page failed (attempt {} of {}): {}", attempt, pages.options().maxAttempts(), o.reason());
        return a;
      }
    }
  }

  private Article withPage(Article a, ExtractedPage page, boolean revision) {
    List<String> flags = new ArrayList<>(a.flags());
    Article.Builder b = a.toBuilder();
    if (page.paywalled()) {
      flags.add(Article.FLAG_PAYWALLED);
    } else if (page.wordCount() > words(a.text())) {
      b.text(page.text()).contentHtml(page.html()).contentHash(ArticleIds.hash(a.title() + "\n" + page.text()));
      flags.add(Article.FLAG_FULL_TEXT);
      if (a.authors().isEmpty()) {
        b.authors(page.authors());
      }
      if (a.language() == null) {
        b.language(page.language());
      }
    } else {
      return a; // the feed's text is as long as the page's: nothing to add
    }
    if (revision) {
      Instant now = pages.clock().instant();
      b.updated(a.updated() != null && a.updated().isAfter(now) ? a.updated() : now);
    }
    return b.flags(flags).build();
  }

  /** The page to fetch: the entry's link as the feed gave it, else the canonical URL; http(s) and files only. */
  private static String pageUrl(Article a) {
    for (String u : new String[] {a.link(), a.url()}) {
      if (u != null) {
        String l = u.toLowerCase(Locale.ROOT);
        if (l.startsWith("http://") || l.startsWith("https://") || l.startsWith("file:")) {
          return u;
        }
      }
    }
    return null;
  }

  static int words(String text) {
    int words = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in) {
        words++;
      }
      in = !space;
    }
    return words;
  }
}
