package org.newsflow.common.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives stable ids: the same canonical URL gives the same article id on every instance and every run. */
public final class ArticleIds {

  private static final int ID_BYTES = 16;

  private ArticleIds() {
  }

  /** The article id for a canonical URL. */
  public static String fromCanonicalUrl(String canonicalUrl) {
    return hash("url\n" + canonicalUrl);
  }

  /** The article id for an entry without a usable link: its feed plus its guid. */
  public static String fromFeedAndGuid(String feedUrl, String guid) {
    return hash("guid\n" + feedUrl + "\n" + guid);
  }

  /** Hex of the first 16 bytes of SHA-256 of the UTF-8 input. */
  public static String hash(String input) {
    return HexFormat.of().formatHex(sha256(input), 0, ID_BYTES);
  }

  private static byte[] sha256(String input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
