package org.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedCharsetTest {

  private static final String CAFE = "<?xml version=\"1.0\"?><rss><channel><title>caf\u00e9 \u2013 ok</title></channel></rss>";

  private static byte[] bytes(String s, String charset) {
    return s.getBytes(Charset.forName(charset));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void shouldDefaultToUtf8WithoutHeaderOrDeclaration() {
    FeedCharset.Decoded d = FeedCharset.decode(bytes(CAFE, "UTF-8"), null);
    assertThat(d.encoding()).isEqualTo("UTF-8");
    assertThat(d.text()).contains("caf\u00e9 \u2013 ok");
    assertThat(d.problem()).isNull();
  }

  @Test
  void shouldStripAUtf8ByteOrderMark() {
    FeedCharset.Decoded d = FeedCharset.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(CAFE, "UTF-8")), null);
    assertThat(d.text()).startsWith("<?xml");
    assertThat(d.encoding()).isEqualTo("UTF-8");
  }

  @Test
  void shouldReadUtf16And32FromTheirFirstBytesWithoutByteOrderMark() {
    String doc = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><title>\u00e9</title></channel></rss>";
    assertThat(FeedCharset.decode(bytes(doc, "UTF-16LE"), null).encoding()).isEqualTo("UTF-16LE");
    assertThat(FeedCharset.decode(bytes(doc, "UTF-16BE"), null).encoding()).isEqualTo("UTF-16BE");
    FeedCharset.Decoded d32 = FeedCharset.decode(bytes(doc.replace("utf-16", "utf-32"), "UTF-32LE"), null);
    assertThat(d32.encoding()).isEqualTo("UTF-32LE");
    assertThat(d32.text()).contains("<title>\u00e9</title>");
  }

  @Test
  void shouldReadUtf16ByItsByteOrderMark() {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(CAFE, "UTF-16LE"));
    FeedCharset.Decoded d = FeedCharset.decode(le, null);
    assertThat(d.encoding()).isEqualTo("UTF-16LE");
    assertThat(d.text()).startsWith("<?xml");
  }

  @Test
  void shouldReadEbcdicFromItsFirstBytes() {
    String doc = "<?xml version=\"1.0\" encoding=\"cp037\"?><rss><channel><title>caf\u00e9</title></channel></rss>";
    FeedCharset.Decoded d = FeedCharset.decode(bytes(doc, "IBM037"), null);
    assertThat(d.encoding()).isEqualTo("IBM037");
    assertThat(d.text()).contains("caf\u00e9");
  }

  @Test
  void shouldLetTheHttpCharsetOverrideTheDeclarationForXmlMediaTypes() {
    byte[] doc = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>", "US-ASCII");
    assertThat(FeedCharset.decode(doc, "application/rss+xml; charset='us-ascii'").encoding()).isEqualTo("US-ASCII");
    assertThat(FeedCharset.decode(doc, "application/xml;charset = \"us-ascii\"").encoding()).isEqualTo("US-ASCII");
    assertThat(FeedCharset.decode(doc, "application/atom+xml").encoding()).as("no charset: the declaration")
        .isEqualTo("ISO-8859-1");
  }

  @Test
  void shouldTreatTextXmlWithoutCharsetAsUsAscii() {
    byte[] doc = bytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>", "US-ASCII");
    FeedCharset.Decoded d = FeedCharset.decode(doc, "text/xml");
    assertThat(d.encoding()).isEqualTo("US-ASCII");
    assertThat(d.problem()).isNull();
    assertThat(FeedCharset.decode(doc, "text/xml; charset:iso-8859-1").encoding()).as("malformed parameter ignored")
        .isEqualTo("US-ASCII");
  }

  @Test
  void shouldFallBackToTheDeclarationAndFlagItWhenTextXmlIsNotAscii() {
    FeedCharset.Decoded d = FeedCharset.decode(bytes(CAFE.replace("?>", " encoding=\"utf-8\"?>"), "UTF-8"), "text/xml");
    assertThat(d.encoding()).isEqualTo("UTF-8");
    assertThat(d.text()).contains("caf\u00e9");
    assertThat(d.problem()).contains("US-ASCII");
  }

  @Test
  void shouldFlagANonXmlContentTypeButStillUseItsCharset() {
    FeedCharset.Decoded d = FeedCharset.decode(bytes(CAFE, "UTF-8"), "text/plain; charset=utf-8");
    assertThat(d.encoding()).isEqualTo("UTF-8");
    assertThat(d.problem()).contains("text/plain");
  }

  @Test
  void shouldReadGb2312LabelsAsGb18030() {
    byte[] doc = bytes("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><title>\u4e2d\u6587</title></channel></rss>", "GB18030");
    FeedCharset.Decoded d = FeedCharset.decode(doc, null);
    assertThat(d.encoding()).isEqualTo("GB18030");
    assertThat(d.text()).contains("\u4e2d\u6587");
  }

  @Test
  void shouldDetectAnUndeclaredEightBitEncodingAndFlagIt() {
    String russian = "<rss><channel><item><title>\u041a\u0430\u043a \u043f\u0435\u0440\u0435\u0436\u0438\u0442\u044c "
        + "\u043d\u043e\u0432\u043e\u0433\u043e\u0434\u043d\u044e\u044e \u043d\u043e\u0447\u044c</title><description>"
        + "\u041d\u0430\u0432\u0435\u0440\u043d\u043e\u0435, \u0435\u0434\u0438\u043d\u0441\u0442\u0432\u0435\u043d\u043d"
        + "\u043e\u0435, \u0432\u043e \u0447\u0442\u043e \u0441\u0435\u0433\u043e\u0434\u043d\u044f \u043c\u043e\u0436\u043d"
        + "\u043e \u0432\u0435\u0440\u0438\u0442\u044c \u0431\u0435\u0437\u043e\u0433\u043e\u0432\u043e\u0440\u043e\u0447"
        + "\u043d\u043e, \u0442\u0430\u043a \u044d\u0442\u043e \u0432 \u0442\u043e, \u0447\u0442\u043e \u041d\u043e\u0432"
        + "\u044b\u0439 \u0433\u043e\u0434 \u043e\u0431\u044f\u0437\u0430\u0442\u0435\u043b\u044c\u043d\u043e \u043d\u0430"
        + "\u0441\u0442\u0443\u043f\u0438\u0442.</description></item></channel></rss>";
    FeedCharset.Decoded d = FeedCharset.decode(bytes(russian, "KOI8-R"), null);
    assertThat(d.encoding()).isEqualTo("KOI8-R");
    assertThat(d.text()).isEqualTo(russian);
    assertThat(d.problem()).contains("no encoding declared");
  }

  @Test
  void shouldReadBytesInvalidInTheDeclaredEncodingAsWindows1252AndFlagIt() {
    byte[] doc = concat(bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>", "US-ASCII"),
        new byte[] {(byte) 0x93, 'h', 'i', (byte) 0x94, (byte) 0x9D, '<', '/', 't', 'i', 't', 'l', 'e', '>'});
    FeedCharset.Decoded d = FeedCharset.decode(doc, null);
    assertThat(d.text()).contains("\u201chi\u201d\u009d</title>");
    assertThat(d.problem()).contains("not UTF-8");
  }

  @Test
  void shouldReadC1ControlsAsTheWindows1252CharactersTheyStandFor() {
    assertThat(FeedCharset.c1ToWindows1252("don\u0092t \u0080")).isEqualTo("don\u2019t \u20ac");
    String plain = "nothing to do, caf\u00e9";
    assertThat(FeedCharset.c1ToWindows1252(plain)).isSameAs(plain);
  }

  @Test
  void shouldParseContentTypeParameters() {
    assertThat(FeedCharset.MediaType.parse("Text/XML ; Charset= \"UTF-8\"")).isEqualTo(new FeedCharset.MediaType("text/xml", "UTF-8"));
    assertThat(FeedCharset.MediaType.parse("text/xml;")).isEqualTo(new FeedCharset.MediaType("text/xml", null));
    assertThat(FeedCharset.MediaType.parse(" ")).isNull();
    assertThat(StandardCharsets.UTF_8).isEqualTo(FeedCharset.charset("utf8"));
  }
}
