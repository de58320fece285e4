package org.newsflow.enrich.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Stories as UTF-8 JSON, with the article mapper's conventions (ISO-8601 instants). */
public final class StorySerde implements Serde<Story> {

  private final ObjectMapper mapper;

  /** A serde on the given mapper (thread-safe). */
  public StorySerde(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Serializer<Story> serializer() {
    return (topic, story) -> {
      try {
        return story == null ? null : mapper.writeValueAsBytes(story);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public Deserializer<Story> deserializer() {
    return (topic, bytes) -> {
      try {
        return bytes == null ? null : mapper.readValue(bytes, Story.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
