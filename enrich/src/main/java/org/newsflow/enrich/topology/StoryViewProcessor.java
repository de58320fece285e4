package org.newsflow.enrich.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.newsflow.common.article.Article;

/**
 * Keeps each story's member list and forwards the updated story keyed by its id, for the compacted stories topic.
 * The story is stored at its start time, so updates overwrite one entry and the story expires with its window.
 */
final class StoryViewProcessor implements Processor<String, Article, String, Story> {

  private final ObjectMapper mapper;
  private final long windowMs;
  private ProcessorContext<String, Story> context;
  private WindowStore<String, byte[]> stories;

  StoryViewProcessor(ObjectMapper mapper, long windowMs) {
    this.mapper = mapper;
    this.windowMs = windowMs;
  }

  @Override
  public void init(ProcessorContext<String, Story> context) {
    this.context = context;
    this.stories = context.getStateStore(EnrichTopology.STORIES_STORE);
  }

  @Override
  public void process(Record<String, Article> record) {
    Article a = record.value();
    if (a == null || a.storyId() == null) {
      return;
    }
    long time = Math.max(0, Math.min(record.timestamp(), context.currentSystemTimeMs()));
    Story current = null;
    try (WindowStoreIterator<byte[]> it = stories.backwardFetch(a.storyId(), Math.max(0, time - windowMs),
        time > Long.MAX_VALUE - windowMs ? Long.MAX_VALUE : time + windowMs)) {
      if (it.hasNext()) {
        current = read(it.next().value);
      }
    }
    Story next = current == null ? Story.first(a, Instant.ofEpochMilli(time)) : current.with(a, Instant.ofEpochMilli(time));
    stories.put(a.storyId(), write(next), next.started().toEpochMilli());
    context.forward(new Record<>(a.storyId(), next, record.timestamp()));
  }

  private Story read(byte[] bytes) {
    try {
      return mapper.readValue(bytes, Story.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] write(Story s) {
    try {
      return mapper.writeValueAsBytes(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
