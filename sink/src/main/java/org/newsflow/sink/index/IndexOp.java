package org.newsflow.sink.index;

/**
 * One document write: an index at an external version, or a delete (null source).
 *
 * @param id      document id (the article id)
 * @param version external version (the article's revision time in ms); ignored for deletes
 * @param source  document JSON bytes, null to delete
 * @param origin  what the operation came from (a Kafka record), handed back with failures
 * @param fetched when ingest fetched the article, epoch ms (0 when unknown), for the publish-to-searchable time
 * @param <T>     type of the origin
 */
public record IndexOp<T>(String id, long version, byte[] source, T origin, long fetched) {

  /** An operation whose fetch time is unknown. */
  public IndexOp(String id, long version, byte[] source, T origin) {
    this(id, version, source, origin, 0);
  }

  /** Whether this deletes the document. */
  public boolean isDelete() {
    return source == null;
  }

  /** Rough size on the wire, for batch limits. */
  public int weight() {
    return (source == null ? 0 : source.length) + id.length() + 96;
  }
}
