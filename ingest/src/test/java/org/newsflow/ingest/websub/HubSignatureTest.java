package org.newsflow.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

  private static final byte[] BODY = "<feed>pushed</feed>".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldAcceptEachWebSubMethodSignedWithTheSecret() {
    for (String method : new String[] {"sha1", "sha256", "sha384", "sha512"}) {
      String header = HubSignature.sign(method, BODY, "s3cret");
      assertThat(header).startsWith(method + "=");
      assertThat(HubSignature.verify(header, BODY, "s3cret")).as(method).isTrue();
      assertThat(HubSignature.verify(header.toUpperCase(java.util.Locale.ROOT), BODY, "s3cret")).as("case").isTrue();
    }
  }

  @Test
  void shouldRefuseAWrongSecretAChangedBodyAndMalformedHeaders() {
    String header = HubSignature.sign("sha256", BODY, "s3cret");
    assertThat(HubSignature.verify(header, BODY, "other")).isFalse();
    assertThat(HubSignature.verify(header, "<feed>changed</feed>".getBytes(StandardCharsets.UTF_8), "s3cret")).isFalse();
    for (String bad : new String[] {null, "", "sha256", "sha256=", "=abc", "md5=00ff", "sha256=not-hex",
        "sha256=" + "0".repeat(64)}) {
      assertThat(HubSignature.verify(bad, BODY, "s3cret")).as(String.valueOf(bad)).isFalse();
    }
  }
}
