package org.newsflow.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsflow.ingest.normalise.HtmlCleaner;

/**
 * Extracts an article page's main text and metadata from its HTML and address: no network, no Kafka. The text
 * comes from the page's markup ({@link ContentFinder}); when the page also carries the body as schema.org
 * {@code articleBody} and the markup yields little of it (text drawn by script, or split in ways the scoring
 * misses), the structured body is used instead. Thread-safe.
 */
public final class ArticleExtractor {

  /** Share of the structured body the markup's text must cover to be preferred to it. */
  private static final double MIN_BODY_RECALL = 0.5;
  /** Structured bodies shorter than this (words) are teasers, not the article. */
  private static final int MIN_BODY_WORDS = 50;

  private final HtmlCleaner cleaner;
  private final MetadataReader metadata = new MetadataReader();

  /** An extractor that sanitises with the given cleaner. */
  public ArticleExtractor(HtmlCleaner cleaner) {
    this.cleaner = cleaner;
  }

  /** An extractor with the ingest's standard sanitiser. */
  public ArticleExtractor() {
    this(new HtmlCleaner());
  }

  /**
   * Extracts from a page as served.
   *
   * @param body        the page's bytes
   * @param contentType the Content-Type header (its charset is used when given), may be null
   * @param url         the page's address, which relative links resolve against
   */
  public ExtractedPage extract(byte[] body, String contentType, String url) {
    try {
      Document doc = Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url == null ? "" : url);
      return extract(doc, url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read page " + url, e); // a byte array does not fail to read
    }
  }

  /** Extracts from a page's HTML text. */
  public ExtractedPage extract(String html, String url) {
    return extract(Jsoup.parse(html, url == null ? "" : url), url);
  }

  private ExtractedPage extract(Document doc, String url) {
    PageMetadata meta = metadata.read(doc, url);
    List<Element> content = new ContentFinder().find(doc.body() == null ? doc : doc.body());
    HtmlCleaner.Cleaned main = cleaner.clean(content, url);
    String text = main.text();
    String html = main.html();
    String body = meta.articleBody();
    if (body != null && words(body) >= MIN_BODY_WORDS
        && ShingleScore.of(text, body).recall() < MIN_BODY_RECALL) {
      HtmlCleaner.Cleaned structured = cleaner.clean(paragraphs(body), url);
      text = structured.text();
      html = structured.html();
    }
    return new ExtractedPage(meta.canonical() != null ? meta.canonical() : url, meta.title(), text, html,
        meta.published(), meta.authors(), meta.language(), meta.image(), meta.paywalled());
  }

  /** Plain text with line breaks as HTML paragraphs (escaped by the cleaner's parse). */
  private static String paragraphs(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 64);
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        sb.append("<p>").append(line.strip().replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
      }
    }
    return sb.toString();
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  private static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (i < 0) {
      return null;
    }
    String cs = contentType.substring(i + 8).replace("\"", "").replace("'", "").strip();
    int end = cs.indexOf(';');
    cs = end >= 0 ? cs.substring(0, end).strip() : cs;
    try {
      return Charset.isSupported(cs) ? cs : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
