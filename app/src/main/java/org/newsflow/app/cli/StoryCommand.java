package org.newsflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.newsflow.app.wiring.Services;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.Config;
import org.newsflow.common.kafka.KafkaClients;
import org.newsflow.enrich.topology.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow story ID}: prints a story's articles from the compacted stories topic. Reads only the partition the
 * story id hashes to (the producer's default partitioner), from the beginning, and keeps the latest value.
 */
@Command(name = "story", mixinStandardHelpOptions = true,
    description = "Show the articles of one story (storyId of an enriched article), from the <prefix>.stories topic.")
public final class StoryCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions configOptions;

  @Parameters(paramLabel = "ID", description = "The story id (the storyId field of an enriched article).")
  String storyId;

  @Option(names = "--json", description = "Print the story as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Config config = configOptions.load(Services.allSettings(), Map.of());
    String topic = Services.topics(config).stories().name();
    Properties p = KafkaClients.baseProperties(config, "newsflow-story");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    ObjectMapper mapper = new ArticleJson().mapper();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] wanted = storyId.getBytes(StandardCharsets.UTF_8);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic);
      if (partitions == null || partitions.isEmpty()) {
        err.println("newsflow story: topic " + topic + " does not exist yet. Has enrich run?");
        return 2;
      }
      // the same arithmetic as the producer's default partitioner for a keyed record
      TopicPartition tp = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(wanted)) % partitions.size());
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      byte[] latest = null;
      while (consumer.position(tp) < end) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (storyId.equals(r.key())) {
            latest = r.value();
          }
        }
      }
      if (latest == null) {
        err.println("newsflow story: no story " + storyId + " in " + topic
            + " (unknown id, or older than enrich.story.window and compacted away)");
        return 1;
      }
      if (json) {
        out.println(new String(latest, StandardCharsets.UTF_8));
      } else {
        print(out, mapper.readValue(latest, Story.class));
      }
      out.flush();
      return 0;
    } catch (TimeoutException e) {
      err.println("newsflow story: Kafka cannot be reached (" + e.getMessage()
          + "). Is `./newsflow up` running, or kafka.bootstrap.servers set?");
      return 2;
    } catch (java.io.IOException e) {
      err.println("newsflow story: unreadable story record: " + e.getMessage());
      return 1;
    }
  }

  private static void print(PrintWriter out, Story s) {
    out.println("story " + s.storyId() + ": " + s.size() + " article" + (s.size() == 1 ? "" : "s")
        + ", " + s.started() + " .. " + s.updated());
    for (Story.Member m : s.articles()) {
      out.println();
      out.println("  " + m.title());
      out.println("    " + (m.published() == null ? "-" : m.published()) + "  " + m.url()
          + (m.feedTitle() == null ? "" : "  (" + m.feedTitle() + ")"));
      if (m.duplicateOf() != null) {
        out.println("    near-copy of " + m.duplicateOf());
      }
    }
  }
}
