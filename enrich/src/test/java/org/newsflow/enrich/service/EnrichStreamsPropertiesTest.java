package org.newsflow.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.newsflow.common.config.CommonSettings;
import org.newsflow.common.config.Config;
import org.newsflow.common.config.Setting;
import org.newsflow.common.topics.Topics;
import org.junit.jupiter.api.Test;

class EnrichStreamsPropertiesTest {

  @Test
  void shouldLetTheProducerAndInternalTopicsCarryArticlesAsLargeAsTheArticleTopicsTake() {
    List<Setting<?>> settings = new ArrayList<>(CommonSettings.all());
    settings.addAll(EnrichSettings.all());
    Properties p = EnrichService.streamsProperties(Config.defaults(settings), new Topics("news"));
    assertThat(p.get("producer.max.request.size")).isEqualTo(Topics.MAX_ARTICLE_RECORD_BYTES);
    assertThat(p.get("topic.max.message.bytes")).isEqualTo(String.valueOf(Topics.MAX_ARTICLE_RECORD_BYTES));
  }
}
