package org.newsflow.ingest.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature} of a WebSub content distribution: {@code method=hex}, an HMAC of the request body
 * keyed with the subscription's secret. The methods WebSub names are sha1, sha256, sha384 and sha512.
 */
public final class HubSignature {

  private static final Map<String, String> MACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
      "sha384", "HmacSHA384", "sha512", "HmacSHA512");

  private HubSignature() {
  }

  /**
   * Whether {@code header} is a valid signature of {@code body} under {@code secret}. A missing or malformed
   * header, an unknown method or a wrong digest are all invalid; the digest is compared in constant time.
   */
  public static boolean verify(String header, byte[] body, String secret) {
    if (header == null || secret == null) {
      return false;
    }
    int eq = header.indexOf('=');
    if (eq <= 0 || eq == header.length() - 1) {
      return false;
    }
    String method = header.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    String algorithm = MACS.get(method);
    if (algorithm == null) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(mac(algorithm, body, secret), given);
  }

  /** The header value a hub sends for {@code body}: {@code method=hex} (tests and the documentation use it). */
  public static String sign(String method, byte[] body, String secret) {
    String algorithm = MACS.get(method);
    if (algorithm == null) {
      throw new IllegalArgumentException("unknown signature method " + method + "; one of " + MACS.keySet());
    }
    return method + "=" + HexFormat.of().formatHex(mac(algorithm, body, secret));
  }

  private static byte[] mac(String algorithm, byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
