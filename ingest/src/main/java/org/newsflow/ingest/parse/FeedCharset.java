package org.newsflow.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides the character encoding of a feed document and decodes it, in the order of RFC 3023 / RFC 7303 and the XML
 * specification's appendix F: byte order mark, then the HTTP Content-Type charset, then the XML declaration, then
 * the first bytes ({@code <?xml} in UTF-16/32 or EBCDIC), then UTF-8 as XML's default, and only for documents that
 * declare nothing and are not UTF-8, a statistical detector. A document that cannot be read as it (or its transport)
 * says is read in the next candidate that fits and flagged with a {@link Decoded#problem()}, as feedparser flags it
 * bozo.
 */
final class FeedCharset {

  /**
   * A decoded document.
   *
   * @param text     the characters, without byte order mark
   * @param encoding the canonical name of the charset the text was read in
   * @param problem  why the document or its transport is at fault (wrong or unusable charset, non-XML content type),
   *                 null when nothing was
   */
  record Decoded(String text, String encoding, String problem) {
  }

  private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"'>]*)[\"']");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Labels that Java does not know but feeds write, and labels whose superset is what such feeds really hold. */
  private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("u8", "utf-8"), Map.entry("utf8", "utf-8"),
      Map.entry("u16", "utf-16"), Map.entry("utf16", "utf-16"), Map.entry("u32", "utf-32"), Map.entry("utf32", "utf-32"),
      // GB2312-labelled documents routinely contain GBK characters; GB18030 is the superset that reads both (the
      // WHATWG encoding standard maps the label the same way)
      Map.entry("gb2312", "gb18030"), Map.entry("gbk", "gb18030"), Map.entry("x-gbk", "gb18030"),
      Map.entry("ebcdic-cp-us", "ibm037"), Map.entry("cp037", "ibm037"));
  /** windows-1252 as the WHATWG encoding standard defines it: the five unassigned bytes map to C1 controls. */
  private static final char[] CP1252 = new char[256];

  static {
    for (int b = 0; b < 256; b++) {
      String s = new String(new byte[] {(byte) b}, WINDOWS_1252);
      CP1252[b] = s.charAt(0) == '\uFFFD' ? (char) b : s.charAt(0);
    }
  }

  private FeedCharset() {
  }

  static Decoded decode(byte[] body, String contentType) {
    // 1. byte order mark, else the pattern of "<?" in the first four bytes (XML 1.0 appendix F)
    int bom = 0;
    String sniffed = null;
    int b0 = body.length > 0 ? body[0] & 0xff : -1;
    int b1 = body.length > 1 ? body[1] & 0xff : -1;
    int b2 = body.length > 2 ? body[2] & 0xff : -1;
    int b3 = body.length > 3 ? body[3] & 0xff : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      bom = 3;
      sniffed = "UTF-8";
    } else if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
      bom = 4;
      sniffed = "UTF-32BE";
    } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
      bom = 4;
      sniffed = "UTF-32LE";
    } else if (b0 == 0xFE && b1 == 0xFF) {
      bom = 2;
      sniffed = "UTF-16BE";
    } else if (b0 == 0xFF && b1 == 0xFE) {
      bom = 2;
      sniffed = "UTF-16LE";
    } else if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x3C) {
      sniffed = "UTF-32BE";
    } else if (b0 == 0x3C && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
      sniffed = "UTF-32LE";
    } else if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
      sniffed = "UTF-16BE";
    } else if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
      sniffed = "UTF-16LE";
    } else if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
      sniffed = "IBM037"; // "<?xm" in EBCDIC
    }

    // 2. the XML declaration, read in the family the first bytes gave (an ASCII superset when they gave none)
    String declared = declaredEncoding(body, bom, sniffed);
    Charset declaredCharset = charset(declared);
    if (declaredCharset != null && sniffed != null && isUnicodeWide(sniffed) != isUnicodeWide(declaredCharset.name())) {
      declaredCharset = null; // the declaration contradicts the bytes it is written in: the bytes win
    } else if (declaredCharset != null && sniffed != null && isUnicodeWide(sniffed)) {
      declaredCharset = charset(sniffed); // "utf-16" says nothing about byte order; the BOM or first bytes do
    }

    // 3. the HTTP header, as RFC 3023 orders the candidates for each kind of media type
    List<Charset> candidates = new ArrayList<>();
    String problem = null;
    MediaType media = MediaType.parse(contentType);
    Charset httpCharset = media == null ? null : charset(media.charset());
    if (media != null && media.charset() != null && httpCharset == null) {
      problem = "unknown charset '" + media.charset() + "' in Content-Type";
    }
    if (media == null) {
      add(candidates, declaredCharset, charset(sniffed), StandardCharsets.UTF_8);
    } else if (media.isTextXml()) {
      // text/xml without charset is US-ASCII (RFC 3023); the document's own declaration cannot override it
      add(candidates, httpCharset, StandardCharsets.US_ASCII);
    } else if (media.isXml()) {
      add(candidates, httpCharset, declaredCharset, charset(sniffed), StandardCharsets.UTF_8);
    } else {
      // text/plain, text/html, application/octet-stream: not an XML type, so nothing says the bytes are XML's default
      add(candidates, httpCharset, media.isText() ? StandardCharsets.US_ASCII : null, declaredCharset, charset(sniffed),
          StandardCharsets.UTF_8);
      problem = "served as " + media.type() + ", not an XML media type";
    }
    if (bom > 0) {
      // a byte order mark is stronger evidence than a server's default charset or a copied declaration
      candidates.remove(charset(sniffed));
      candidates.addFirst(charset(sniffed));
    }
    if (declared != null && declaredCharset == null && charset(declared) == null && problem == null) {
      problem = "unknown encoding '" + declared + "' in the XML declaration";
    }

    // 4. the first candidate that decodes without error wins; falling past the first is the document's fault
    for (int i = 0; i < candidates.size(); i++) {
      String text = strict(body, bom, candidates.get(i));
      if (text != null) {
        return new Decoded(text, candidates.get(i).name(), i == 0 ? problem
            : "not " + candidates.getFirst().name() + " as declared; read as " + candidates.get(i).name());
      }
    }
    List<Charset> fallbacks = new ArrayList<>();
    add(fallbacks, declaredCharset, charset(sniffed), StandardCharsets.UTF_8, detect(body));
    fallbacks.removeAll(candidates);
    boolean undeclared = declared == null && (media == null || media.charset() == null) && bom == 0;
    String first = candidates.getFirst().name();
    for (Charset cs : fallbacks) {
      String text = strict(body, bom, cs);
      if (text != null) {
        return new Decoded(text, cs.name(), undeclared ? "no encoding declared and not " + first + "; detected " + cs.name()
            : "not " + first + " as declared; read as " + cs.name());
      }
    }
    // nothing fits: windows-1252 reads every byte, and is what undeclared 8-bit feeds nearly always are
    StringBuilder sb = new StringBuilder(body.length);
    for (int i = bom; i < body.length; i++) {
      sb.append(CP1252[body[i] & 0xff]);
    }
    return new Decoded(sb.toString(), "windows-1252", undeclared ? "no encoding declared and not " + first
        + "; read as windows-1252" : "not " + first + " as declared; read as windows-1252");
  }

  /**
   * Replaces C1 control characters (U+0080 to U+009F) with the windows-1252 characters of the same byte value. They
   * are never meant as controls in feed text: they come from windows-1252 text labelled ISO-8859-1 or re-encoded as
   * UTF-8, or from numeric references such as {@code &#146;}, which HTML5 reads the same way. Returns the argument
   * itself when there is none (the common case, one scan).
   */
  static String c1ToWindows1252(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && (s.charAt(i) < 0x80 || s.charAt(i) > 0x9F)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < out.length; i++) {
      if (out[i] >= 0x80 && out[i] <= 0x9F) {
        out[i] = CP1252[out[i]];
      }
    }
    return new String(out);
  }

  private static String declaredEncoding(byte[] body, int bom, String sniffed) {
    int len = Math.min(body.length - bom, 400);
    if (len <= 0) {
      return null;
    }
    Charset family = sniffed == null || sniffed.equals("UTF-8") ? StandardCharsets.ISO_8859_1 : charset(sniffed);
    Matcher m = DECLARATION.matcher(new String(body, bom, len, family));
    return m.find() ? m.group(1).strip() : null;
  }

  private static boolean isUnicodeWide(String name) {
    return name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.equals("IBM037");
  }

  private static void add(List<Charset> out, Charset... cs) {
    for (Charset c : cs) {
      if (c != null && !out.contains(c)) {
        out.add(c);
      }
    }
  }

  /** Decodes, or null when the bytes are not valid in {@code cs}. */
  private static String strict(byte[] body, int offset, Charset cs) {
    try {
      return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** A statistical guess (Big5, EUC-*, Shift_JIS, GB18030, KOI8-R, windows-125x, ...), or null. */
  private static Charset detect(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, body.length);
    detector.dataEnd();
    return charset(detector.getDetectedCharset());
  }

  /** The charset for a label, or null when Java does not know it. */
  static Charset charset(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    l = ALIASES.getOrDefault(l.replace("-", ""), ALIASES.getOrDefault(l, l));
    try {
      return Charset.forName(l);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The parts of a Content-Type header that decide the encoding.
   *
   * @param type    the media type, lower case, without parameters
   * @param charset the charset parameter without quotes, null when absent or malformed
   */
  record MediaType(String type, String charset) {

    static MediaType parse(String header) {
      if (header == null || header.isBlank()) {
        return null;
      }
      String[] parts = header.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      String charset = null;
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase("charset")) {
          String v = parts[i].substring(eq + 1).strip();
          v = v.replaceAll("^[\"']+|[\"']+$", "").strip();
          charset = v.isEmpty() ? null : v;
        }
      }
      return type.isEmpty() ? null : new MediaType(type, charset);
    }

    boolean isText() {
      return type.startsWith("text/");
    }

    /** text/xml, text/xml-external-parsed-entity and text/*+xml: US-ASCII unless a charset is given. */
    boolean isTextXml() {
      return isText() && isXmlSubtype();
    }

    /** application/xml, application/xml-dtd, application/xml-external-parsed-entity, application/*+xml. */
    boolean isXml() {
      return type.startsWith("application/") && isXmlSubtype();
    }

    private boolean isXmlSubtype() {
      String sub = type.substring(type.indexOf('/') + 1);
      return sub.equals("xml") || sub.equals("xml-dtd") || sub.equals("xml-external-parsed-entity") || sub.endsWith("+xml");
    }
  }
}
