package org.newsflow.common.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersIT {

  @Test
  void shouldStartKafkaAndKeepTopicsAcrossARestart(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      kafka.start();
      try (Admin admin = Admin.create(props(kafka))) {
        admin.createTopics(List.of(new NewTopic("t1", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
    }
    try (EmbeddedKafka again = new EmbeddedKafka(dir.resolve("kafka"), 0)) {
      again.start();
      try (Admin admin = Admin.create(props(again))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("t1");
      }
    }
  }

  @Test
  void shouldStartOpenSearchOnLoopback(@TempDir Path dir) throws Exception {
    try (EmbeddedOpenSearch os = new EmbeddedOpenSearch(dir.resolve("os"), 0)) {
      os.start();
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(os.url() + "/_cluster/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"cluster_name\":\"newsflow\"");
    }
  }

  private static Properties props(EmbeddedKafka kafka) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return p;
  }
}
