package org.newsflow.enrich.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.newsflow.common.article.ArticleJson;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.topics.Topics;
import org.newsflow.enrich.tagging.ArticleEnricher;
import org.newsflow.enrich.tagging.LanguageDetector;
import org.newsflow.enrich.topology.EnrichOptions;
import org.newsflow.enrich.topology.EnrichTopology;

/**
 * One enrich instance for the integration tests, in this JVM or as a separate process that a test can kill with
 * SIGKILL: {@code EnrichWorker BOOTSTRAP PREFIX APP_ID STATE_DIR TAG_DELAY_MS}.
 */
public final class EnrichWorker {

  private EnrichWorker() {
  }

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    // progress goes to stdout (the test's log of this process), so a failing test can say how far the worker got
    EnrichService service = service(args[0], args[1], args[2], Path.of(args[3]), Long.parseLong(args[4]),
        n -> System.out.println(Instant.now() + " tagged " + n));
    System.out.println(Instant.now() + " starting");
    service.start();
    KafkaStreams.State last = null;
    while (true) {
      KafkaStreams.State now = service.streams().state();
      if (now != last) {
        System.out.println(Instant.now() + " state " + now);
        last = now;
      }
      Thread.sleep(100);
    }
  }

  /** The config of a test instance. */
  static Config config(String bootstrap, String prefix, String appId, Path dataDir) {
    List<Setting<?>> settings = new ArrayList<>(CommonSettings.all());
    settings.addAll(EnrichSettings.all());
    return Config.load(settings, null, Map.of(), Map.of(
        "kafka.bootstrap.servers", bootstrap, "topics.prefix", prefix, "enrich.application.id", appId,
        "data.dir", dataDir.toString()));
  }

  /** Articles a slowed instance tags at full speed before every further one takes {@code tagDelayMs}. */
  static final int FAST_ARTICLES = 20;

  /**
   * An instance whose stand-in tagger takes {@code tagDelayMs} per article after the first {@link #FAST_ARTICLES}
   * (0 for never slow), so a test can kill it once some output is committed and long before all of it is.
   */
  static EnrichService service(String bootstrap, String prefix, String appId, Path dataDir, long tagDelayMs) {
    return service(bootstrap, prefix, appId, dataDir, tagDelayMs, n -> { });
  }

  /** As above, telling {@code onTagged} the running count after each article is tagged. */
  static EnrichService service(String bootstrap, String prefix, String appId, Path dataDir, long tagDelayMs,
                               IntConsumer onTagged) {
    Config config = config(bootstrap, prefix, appId, dataDir);
    Topics topics = new Topics(prefix);
    java.util.concurrent.atomic.AtomicInteger tagged = new java.util.concurrent.atomic.AtomicInteger();
    ArticleEnricher enricher = new ArticleEnricher((t, x) -> {
      int count = tagged.incrementAndGet();
      onTagged.accept(count);
      if (tagDelayMs > 0 && count > FAST_ARTICLES) {
        try {
          Thread.sleep(tagDelayMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return List.of();
    }, (t, x) -> List.of(), x -> LanguageDetector.UNKNOWN, Clock.systemUTC());
    Properties props = EnrichService.streamsProperties(config, topics);
    // a short session timeout, so the group notices a killed instance in seconds rather than the default 45 s
    props.put("consumer.session.timeout.ms", "6000");
    props.put("consumer.heartbeat.interval.ms", "1000");
    props.put("commit.interval.ms", "100");
    return new EnrichService(EnrichTopology.build(topics, enricher, new EnrichOptions(false),
        EnrichSettings.clusterParams(config), new ArticleJson()), props);
  }
}
