package org.newsflow.ingest.websub;

/** Takes the content a hub pushed for a subscribed feed, already checked against the subscription's secret. */
@FunctionalInterface
public interface PushReceiver {

  /**
   * @param subscription the feed's subscription
   * @param body         the pushed document (a full or partial feed)
   * @param contentType  its Content-Type header, may be null
   */
  void accept(Subscription subscription, byte[] body, String contentType);
}
