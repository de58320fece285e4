package org.newsflow.ingest.registry;

import java.util.List;

/** Where an ingest instance learns its feeds: a fixed list, or its share of the news.feeds topic. */
public interface FeedSource extends AutoCloseable {

  /** Starts telling the listener about feeds; returns at once. */
  void start(FeedListener listener);

  /**
   * A feed answered with a permanent redirect: the registry should store the new URL (same id). Sources without
   * storage ignore it; the poller keeps using the new URL either way.
   */
  default void moved(FeedDefinition feed, String newUrl) {
  }

  /** Stops; no more calls to the listener. */
  @Override
  void close();

  /** A fixed list of feeds, announced once without restored state. */
  static FeedSource of(List<FeedDefinition> feeds) {
    List<FeedDefinition> copy = List.copyOf(feeds);
    return new FeedSource() {
      @Override
      public void start(FeedListener listener) {
        copy.forEach(f -> listener.upsert(f, null, null));
      }

      @Override
      public void close() {
      }
    };
  }
}
