package org.newsflow.app.console;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.runtime.AdminServer;
import org.newsflow.common.runtime.Health;
import org.newsflow.common.runtime.Service;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.search.ArticleSearch;

/** Owns what the console reads (the feed-status view and a search connection) for the lifetime of a process. */
public final class ConsoleService implements Service {

  private final FeedStatusView feeds;
  private final OpenSearchConnection openSearch;
  private final Console console;

  /**
   * @param clientProps     Kafka client properties
   * @param feedStatusTopic the feed-status topic
   * @param openSearch      connection for searches (closed with this service)
   * @param alias           index alias
   * @param metrics         the process's meters
   */
  public ConsoleService(Properties clientProps, String feedStatusTopic, OpenSearchConnection openSearch, String alias,
                        MeterRegistry metrics) {
    ArticleJson json = new ArticleJson();
    this.feeds = new FeedStatusView(clientProps, feedStatusTopic, json.mapper());
    this.openSearch = openSearch;
    ArticleSearch search = new ArticleSearch(openSearch, alias, json.mapper());
    this.console = new Console(feeds, metrics, () -> search, json.mapper());
  }

  /** Serves the console on an admin server. */
  public void exposeOn(AdminServer admin) {
    console.exposeOn(admin);
  }

  @Override
  public String name() {
    return "console";
  }

  @Override
  public void start() {
    feeds.start();
  }

  @Override
  public Health health() {
    return feeds.health();
  }

  @Override
  public void close() {
    feeds.close();
    openSearch.close();
  }
}
