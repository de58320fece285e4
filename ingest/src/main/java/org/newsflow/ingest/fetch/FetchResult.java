package org.newsflow.ingest.fetch;

import java.net.URI;

/**
 * The answer to one fetch.
 *
 * @param status       HTTP status (200 for local files), 304 when unchanged
 * @param body         the decoded body (empty for 304)
 * @param contentType  the Content-Type header, may be null
 * @param etag         the ETag header, may be null
 * @param lastModified the Last-Modified header, may be null
 * @param finalUri     where the document came from after redirects
 * @param permanentRedirect whether a 301/308 was followed, so the feed's stored URL should change
 * @param maxAge       freshness the server granted with Cache-Control max-age (or Expires), null when none
 * @param links        the response's {@code Link} header values (WebSub hub discovery), empty when none
 */
public record FetchResult(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUri,
                          boolean permanentRedirect, java.time.Duration maxAge, java.util.List<String> links) {

  /** Copies the links. */
  public FetchResult {
    links = links == null ? java.util.List.of() : java.util.List.copyOf(links);
  }

  /** A result without Link headers. */
  public FetchResult(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUri,
                     boolean permanentRedirect, java.time.Duration maxAge) {
    this(status, body, contentType, etag, lastModified, finalUri, permanentRedirect, maxAge, null);
  }

  /** A result without a freshness hint. */
  public FetchResult(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUri,
                     boolean permanentRedirect) {
    this(status, body, contentType, etag, lastModified, finalUri, permanentRedirect, null, null);
  }

  /** Whether the server said the feed did not change. */
  public boolean notModified() {
    return status == 304;
  }
}
