package org.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.embedded.EmbeddedKafka;
import org.newsflow.common.kafka.TopicAdmin;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.topology.Story;
import org.newsflow.enrich.topology.StorySerde;
import picocli.CommandLine;

class StoryCommandIT {

  @Test
  void shouldPrintTheLatestStateOfAStoryFromTheStoriesTopic(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      Topics topics = new Topics("st");
      TopicAdmin.ensureTopics(p, topics.all(), 3, 1, Duration.ofSeconds(30));
      Instant t = Instant.parse("2024-03-14T09:30:00Z");
      Story.Member wire = new Story.Member("a1", "Talks resume", "https://wire.example/1", "Wire", t, null);
      Story.Member copy = new Story.Member("b2", "Talks resume in Cairo", "https://outlet.example/2", "Outlet", t, "a1");
      try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StorySerde(new ArticleJson().mapper()).serializer())) {
        producer.send(new ProducerRecord<>(topics.stories().name(), "a1", new Story("a1", t, t, 1, List.of(wire))));
        producer.send(new ProducerRecord<>(topics.stories().name(), "other", new Story("other", t, t, 1, List.of())));
        producer.send(new ProducerRecord<>(topics.stories().name(), "a1", new Story("a1", t, t, 2, List.of(wire, copy)))).get();
      }

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Newsflow.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("story", "a1", "--set", "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
          "--set", "topics.prefix=st");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString()).contains("story a1: 2 articles").contains("https://wire.example/1")
          .contains("Talks resume in Cairo").contains("near-copy of a1");

      StringWriter missingErr = new StringWriter();
      cl.setErr(new PrintWriter(missingErr));
      assertThat(cl.execute("story", "nope", "--set", "kafka.bootstrap.servers=" + kafka.bootstrapServers(),
          "--set", "topics.prefix=st")).isEqualTo(1);
      assertThat(missingErr.toString()).contains("no story nope");
    }
  }
}
