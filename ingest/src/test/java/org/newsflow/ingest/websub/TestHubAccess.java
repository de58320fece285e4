package org.newsflow.ingest.websub;

import java.io.IOException;
import java.net.URI;

/** The test hub for tests of other packages. */
public final class TestHubAccess implements AutoCloseable {

  private final TestHub hub;

  private TestHubAccess(TestHub hub) {
    this.hub = hub;
  }

  /** A hub on 127.0.0.1 granting leases of {@code leaseSeconds}. */
  public static TestHubAccess start(long leaseSeconds) throws IOException {
    return new TestHubAccess(new TestHub(leaseSeconds));
  }

  public URI url() {
    return hub.url();
  }

  /** Subscription requests the hub verified with the subscriber. */
  public long verifiedSubscribes() {
    return hub.requests().stream().filter(r -> r.verified() && r.mode().equals("subscribe")).count();
  }

  /** Pushes to the topic's subscriber, well signed or with a wrong secret; returns the HTTP status. */
  public int push(String topic, String body, boolean signed) throws IOException, InterruptedException {
    return hub.publish(topic, body, signed ? TestHub.Signing.GOOD : TestHub.Signing.WRONG_SECRET);
  }

  public String describe() {
    return hub.requests().toString();
  }

  @Override
  public void close() {
    hub.close();
  }
}
