package org.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How feeds are fetched.
 *
 * @param connectTimeout           TCP/TLS connect timeout
 * @param totalTimeout             limit for the whole exchange, body included
 * @param maxBodyBytes             largest accepted body (after decompression)
 * @param userAgent                User-Agent header
 * @param allowFiles               whether file: URLs and local paths may be read
 * @param allowedInternalAddresses loopback/private addresses or CIDR blocks feeds may resolve to
 */
public record FetchOptions(Duration connectTimeout, Duration totalTimeout, long maxBodyBytes, String userAgent,
                           boolean allowFiles, List<String> allowedInternalAddresses) {

  /** Copies the list. */
  public FetchOptions {
    allowedInternalAddresses = List.copyOf(allowedInternalAddresses);
  }
}
