package org.newsflow.sink.round;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsflow.sink.deadletter.DeadLetter;
import org.newsflow.sink.index.ArticleDocuments;
import org.newsflow.sink.index.IndexOp;

/**
 * Turns a round's records into index operations cut into bulk requests of bounded size; records that are not
 * articles are set aside in the round for the dead-letter topic, tombstones become deletes.
 */
public final class RoundPreparer {

  private final ArticleDocuments documents;
  private final int maxDocs;
  private final long maxBytes;

  /**
   * @param documents article to document mapping
   * @param maxDocs   documents per bulk request
   * @param maxBytes  bytes per bulk request
   */
  public RoundPreparer(ArticleDocuments documents, int maxDocs, long maxBytes) {
    this.documents = documents;
    this.maxDocs = maxDocs;
    this.maxBytes = maxBytes;
  }

  /** A round and its bulk requests. */
  public record Prepared(Round round, List<Chunk> chunks) {
  }

  /** Prepares the round of {@code records}. */
  public Prepared prepare(List<ConsumerRecord<byte[], byte[]>> records) {
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops = new ArrayList<>(records.size());
    List<DeadLetter> unreadable = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        if (id != null) {
          ops.add(new IndexOp<>(id, 0, null, r));
        }
        continue;
      }
      try {
        ArticleDocuments.Document doc = documents.fromJson(r.value());
        ops.add(new IndexOp<>(doc.id(), doc.version(), doc.source(), r, doc.fetched()));
      } catch (RuntimeException e) {
        unreadable.add(new DeadLetter(r, e.getClass().getName(), e.getMessage()));
      }
    }
    List<List<IndexOp<ConsumerRecord<byte[], byte[]>>>> parts = split(ops);
    Round round = new Round(records, unreadable, parts.size());
    List<Chunk> chunks = new ArrayList<>(parts.size());
    for (List<IndexOp<ConsumerRecord<byte[], byte[]>>> part : parts) {
      chunks.add(new Chunk(round, part));
    }
    return new Prepared(round, chunks);
  }

  private List<List<IndexOp<ConsumerRecord<byte[], byte[]>>>> split(List<IndexOp<ConsumerRecord<byte[], byte[]>>> ops) {
    List<List<IndexOp<ConsumerRecord<byte[], byte[]>>>> out = new ArrayList<>();
    List<IndexOp<ConsumerRecord<byte[], byte[]>>> current = new ArrayList<>();
    long bytes = 0;
    for (IndexOp<ConsumerRecord<byte[], byte[]>> op : ops) {
      if (!current.isEmpty() && (current.size() >= maxDocs || bytes + op.weight() > maxBytes)) {
        out.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(op);
      bytes += op.weight();
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
