package org.newsflow.sink.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.ArticleIds;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.MediaTopic;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.sink.deadletter.DeadLetterWriter;
import org.newsflow.sink.opensearch.OpenSearchConnection;
import org.newsflow.sink.search.ArticleSearch;
import org.newsflow.sink.search.SearchQuery;
import org.newsflow.sink.search.SearchResult;
import org.newsflow.testsupport.Await;

/** The sink against a real broker and node; subclasses say where those run. */
abstract class AbstractSinkServiceIT {

  abstract String bootstrapServers();

  abstract String openSearchUrl();


  final ArticleJson json = new ArticleJson();

  private Properties clientProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers());
    return p;
  }

  private Article article(String url, String title, Instant updated, double lat) {
    return Article.builder().id(ArticleIds.fromCanonicalUrl(url)).url(url).title(title).text(title + " body")
        .published(Instant.parse("2024-03-14T09:30:00Z")).updated(updated).contentHash(ArticleIds.hash(title))
        .entities(List.of(new Entity("Israel", EntityType.LOCATION, "iso3166:IL", 2, 0.9, Map.of("iso3166", "IL"),
            lat, 34.8, List.of())))
        .topics(List.of(new MediaTopic("medtop:11000000", "politics", 1, 0.9)))
        .build();
  }

  @Test
  void shouldIndexNewestRevisionsDeleteTombstonesAndDeadLetterRejectedDocuments() throws Exception {
    Topics topics = new Topics("sinktest");
    TopicAdmin.ensureTopics(clientProps(), topics.all(), 2, 1, Duration.ofSeconds(30));
    String alias = "sinktest-articles";
    Article first = article("https://a.org/1", "Rafah talks", Instant.parse("2024-03-14T10:00:00Z"), 31.5);
    Article newer = article("https://a.org/1", "Rafah talks resume", Instant.parse("2024-03-14T11:00:00Z"), 31.5);
    Article older = article("https://a.org/1", "Rafah talks (stale)", Instant.parse("2024-03-14T09:00:00Z"), 31.5);
    Article deleted = article("https://a.org/2", "Soon gone", Instant.parse("2024-03-14T10:00:00Z"), 31.5);
    Article badLatitude = article("https://a.org/3", "Impossible place", Instant.parse("2024-03-14T10:00:00Z"), 500.0);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clientProps(), new StringSerializer(), new ByteArraySerializer())) {
      for (Article a : List.of(first, newer, older, deleted, badLatitude)) {
        producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), a.id(), json.toBytes(a))).get();
      }
      producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), deleted.id(), null)).get();
      producer.send(new ProducerRecord<>(topics.articlesEnriched().name(), "garbage", "{not json".getBytes(StandardCharsets.UTF_8))).get();
    }

    OpenSearchConnection os = new OpenSearchConnection(List.of(openSearchUrl()), null, null, null);
    try (SinkService sink = new SinkService(clientProps(), "sinktest", topics, os, alias, 100, 1 << 20, 2, Duration.ofSeconds(1), Duration.ofMillis(500), new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
      sink.start();
      List<ConsumerRecord<byte[], byte[]>> dead = readDeadLetters(topics, 2, Duration.ofSeconds(60));
      assertThat(dead).extracting(r -> new String(r.headers().lastHeader(DeadLetterWriter.HEADER_EXCEPTION).value(), StandardCharsets.UTF_8))
          .anyMatch(e -> e.contains("InvalidArticleException")).anyMatch(e -> e.startsWith("opensearch.400"));
      assertThat(dead).allSatisfy(r -> {
        assertThat(r.headers().lastHeader(DeadLetterWriter.HEADER_TOPIC).value()).isEqualTo(topics.articlesEnriched().name().getBytes(StandardCharsets.UTF_8));
        assertThat(r.headers().lastHeader(DeadLetterWriter.HEADER_OFFSET)).isNotNull();
      });

      ArticleSearch search = new ArticleSearch(os, alias, json.mapper());
      SearchResult all = awaitTotal(search, new SearchQuery(null, null, null, null, null, null, 10), 1);
      assertThat(all.hits()).singleElement().satisfies(h -> assertThat(h.path("title").asText()).isEqualTo("Rafah talks resume"));
      assertThat(search.search(new SearchQuery("rafah", "israel", "politics", null, null, null, 10)).total()).isEqualTo(1);
      assertThat(search.search(new SearchQuery(null, null, "medtop:11000000", null, null, null, 10)).total()).isEqualTo(1);
      assertThat(search.search(new SearchQuery(null, null, "sport", null, null, null, 10)).total()).isZero();
      assertThat(all.facets().get("entities")).extracting(SearchResult.Facet::value).contains("Israel");
      assertThat(sink.health().ready()).isTrue();
    }
  }

  private SearchResult awaitTotal(ArticleSearch search, SearchQuery q, long expected) throws Exception {
    java.util.concurrent.atomic.AtomicReference<SearchResult> last = new java.util.concurrent.atomic.AtomicReference<>();
    Await.until(expected + " documents in the index", Duration.ofSeconds(30), () -> {
      try {
        search.refresh();
        last.set(search.search(q));
        return last.get().total() == expected;
      } catch (Exception e) {
        return false;
      }
    }, () -> last.get() == null ? "no answer" : last.get().total() + " documents");
    return last.get();
  }

  private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(Topics topics, int count, Duration timeout)
      throws InterruptedException {
    Properties p = clientProps();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the sink writes dead letters in transactions: an aborted one must stay invisible
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topics.deadLetters().name()));
      Await.until(count + " dead letters", timeout, () -> {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
        return out.size() >= count;
      }, () -> out.size() + " dead letters");
    }
    return out;
  }
}
