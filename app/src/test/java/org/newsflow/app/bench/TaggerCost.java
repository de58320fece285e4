package org.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.enrich.tagging.ArticleEnricher;

/**
 * CPU time of the shipped taggers alone ({@code ArticleEnricher.enrich}, one thread, no Kafka) on the articles the
 * pipeline benchmark publishes, to set the enrich stage's CPU per article in {@link PipelineBenchmark} against.
 *
 * <pre>scripts/run-main.sh app org.newsflow.app.bench.TaggerCost [ARTICLES] [ROUNDS]</pre>
 */
public final class TaggerCost {

  private TaggerCost() {
  }

  /** Runs it: a warm-up round, then ROUNDS timed rounds over the same articles; medians. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    NewsWire wire = new NewsWire(1);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewsWire.Item item = wire.item(i);
      String url = "https://wire.bench.invalid/a/" + i;
      articles.add(Article.builder().id(ArticleIds.fromCanonicalUrl(url)).url(url).title(item.title())
          .text(item.text()).published(Instant.now()).contentHash(ArticleIds.hash(item.text())).build());
    }
    ArticleEnricher enricher = Services.enricher();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[rounds];
    for (int r = -1; r < rounds; r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      int entities = 0;
      for (Article a : articles) {
        entities += enricher.enrich(a).entities().size();
      }
      double perArticle = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
      System.out.printf(Locale.ROOT, "%s: %.2f ms of CPU per article (%d entities in all)%n",
          r < 0 ? "warm-up" : "round " + (r + 1), perArticle, entities);
      if (r >= 0) {
        ms[r] = perArticle;
      }
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "median: %.2f ms of CPU per article, %d articles of ~500 words%n",
        ms[rounds / 2], n);
  }
}
