package org.newsflow.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.testsupport.Await;

/**
 * Subscription, verification, signed push, lease renewal and a hub that goes away, between the real callback
 * endpoint, the subscriptions topic on a real broker and a hub on 127.0.0.1.
 */
class WebSubIT {

  @TempDir
  static Path dir;
  static EmbeddedKafka kafka;
  static final Topics TOPICS = new Topics("websub");

  @BeforeAll
  static void start() throws Exception {
    kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
    kafka.start();
    TopicAdmin.ensureTopics(props(), TOPICS.all(), 2, 1, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  static Properties props() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private static SubscriptionStore store() {
    return new SubscriptionStore(props(), TOPICS.feedSubscriptions().name(), new ArticleJson().mapper(),
        Duration.ofSeconds(30));
  }

  private record Pushed(String feedId, String body) {
  }

  @Test
  void shouldSubscribeVerifyAcceptOnlySignedPushesRenewAndFallBackWhenTheHubIsGone() throws Exception {
    List<Pushed> pushed = new CopyOnWriteArrayList<>();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    URI topic = URI.create("https://news.example.org/feed.atom");
    try (TestHub hub = new TestHub(4); SubscriptionStore store = store();
         CallbackServer callbacks = new CallbackServer("127.0.0.1", 0, store,
             (s, body, type) -> pushed.add(new Pushed(s.feedId(), new String(body, StandardCharsets.UTF_8))),
             Clock.systemUTC(), 64 * 1024, 100, metrics)) {
      callbacks.start();
      WebSubSubscriber subscriber = new WebSubSubscriber(store,
          new HubClient(new org.newsflow.ingest.fetch.FeedFetcher(new org.newsflow.ingest.fetch.FetchOptions(
              Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, "newsflow-test", false, List.of("127.0.0.1")))),
          URI.create("http://127.0.0.1:" + callbacks.port()), Duration.ofDays(7), Duration.ofSeconds(2),
          Clock.systemUTC());
      Optional<HubEndpoints> advertised = Optional.of(new HubEndpoints(hub.url(), topic));

      // subscribe: the hub verifies the intent through the callback endpoint
      assertThat(subscriber.afterPoll("feed-1", advertised)).as("not active before verification").isFalse();
      // the hub records the verification once our answer reached it, just after the store turned active
      Await.until("the hub's verification", Duration.ofSeconds(10),
          () -> !hub.requests().isEmpty()
              && store.get("feed-1").map(s -> s.state() == Subscription.State.ACTIVE).orElse(false), hub::requests);
      assertThat(hub.requests()).singleElement().satisfies(r -> {
        assertThat(r.mode()).isEqualTo("subscribe");
        assertThat(r.verified()).isTrue();
        assertThat(r.callback()).endsWith("/websub/feed-1");
        assertThat(r.secret()).hasSizeGreaterThanOrEqualTo(32);
      });
      assertThat(subscriber.afterPoll("feed-1", advertised)).as("active after verification").isTrue();

      // another instance sees the same subscription (and its secret) through the topic
      try (SubscriptionStore other = store()) {
        Await.until("the subscription on the topic", Duration.ofSeconds(10),
            () -> other.get("feed-1").map(s -> s.state() == Subscription.State.ACTIVE).orElse(false));
        assertThat(other.get("feed-1").orElseThrow().secret()).isEqualTo(store.get("feed-1").orElseThrow().secret());
      }

      // content: a signed push is delivered; wrong or missing signatures get a 2xx and are dropped
      assertThat(hub.publish(topic.toString(), "<feed>signed</feed>", TestHub.Signing.GOOD)).isEqualTo(202);
      assertThat(hub.publish(topic.toString(), "<feed>forged</feed>", TestHub.Signing.WRONG_SECRET)).isEqualTo(202);
      assertThat(hub.publish(topic.toString(), "<feed>unsigned</feed>", TestHub.Signing.NONE)).isEqualTo(202);
      Await.until("the signed push", Duration.ofSeconds(10), () -> !pushed.isEmpty());
      assertThat(pushed).containsExactly(new Pushed("feed-1", "<feed>signed</feed>"));
      assertThat(metrics.counter("newsflow.websub.callbacks", "outcome", "bad-signature").count()).isEqualTo(2);

      // renewal: the hub granted 4 s; within the last 2 s the next poll renews it
      Await.until("a renewed lease", Duration.ofSeconds(15), () -> {
        subscriber.afterPoll("feed-1", advertised);
        return hub.requests().stream().filter(TestHub.Request::verified).count() >= 2;
      }, hub::requests);
      assertThat(subscriber.afterPoll("feed-1", advertised)).isTrue();

      // the hub goes away: renewals fail, the lease runs out, and the feed is polled as usual again
      hub.close();
      Await.until("the lease to run out without a hub", Duration.ofSeconds(15),
          () -> !subscriber.afterPoll("feed-1", advertised), () -> store.get("feed-1"));
      assertThat(pushed).hasSize(1);
    }
  }

  @Test
  void shouldRefuseOversizedBodiesUnknownFeedsAndFloods() throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    try (SubscriptionStore store = store();
         CallbackServer callbacks = new CallbackServer("127.0.0.1", 0, store, (s, b, t) -> { }, Clock.systemUTC(),
             1024, 5, metrics)) {
      callbacks.start();
      store.put(new Subscription("feed-2", "http://127.0.0.1:1/hub", "https://e.org/f", "http://127.0.0.1:1/websub/feed-2", "secret",
          Subscription.State.ACTIVE, java.time.Instant.now(), java.time.Instant.now().plusSeconds(600), null));
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + callbacks.port() + "/websub/");
      assertThat(post(client, base.resolve("feed-2"), new byte[4096])).isEqualTo(413);
      assertThat(post(client, base.resolve("nobody"), new byte[10])).isEqualTo(410);
      assertThat(get(client, base.resolve("feed-2?hub.mode=subscribe&hub.topic=https%3A%2F%2Fother.org%2F&hub.challenge=x")))
          .as("a verification for a topic we did not ask for").isEqualTo(404);
      int limited = 0;
      for (int i = 0; i < 20; i++) {
        if (post(client, base.resolve("nobody"), new byte[1]) == 429) {
          limited++;
        }
      }
      assertThat(limited).as("requests beyond 5/s").isGreaterThan(5);
    }
  }

  private static int post(java.net.http.HttpClient client, URI uri, byte[] body) throws Exception {
    return client.send(java.net.http.HttpRequest.newBuilder(uri).POST(
        java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int get(java.net.http.HttpClient client, URI uri) throws Exception {
    return client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
