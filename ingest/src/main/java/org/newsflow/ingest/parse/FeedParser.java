package org.newsflow.ingest.parse;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses feed documents: decides between the parsers (JSON Feed to {@link JsonFeedParser}; XML to Rome, strict
 * first, then Rome's healer, then the {@link LenientFeedReader} when a document is not well-formed) and reads RSS
 * 0.9x/1.0/2.0, RDF and Atom through Rome (DOCTYPEs refused, so no external entities and no expansion bombs).
 * Thread-safe.
 */
public final class FeedParser {

  /** Deepest element nesting read by Rome; see {@code RomeInput#read}. */
  static final int MAX_XML_DEPTH = 256;

  private final JsonFeedParser jsonFeed = new JsonFeedParser();
  private final LenientFeedReader lenient = new LenientFeedReader();

  /**
   * Parses one document.
   *
   * @param body        the raw bytes
   * @param contentType the HTTP Content-Type header, may be null (it can carry the charset)
   * @throws FeedParseException when nothing could be read
   */
  public ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
    return parse(body, contentType, null);
  }

  /**
   * Parses one document fetched from a known URL, which relative {@code xml:base} values resolve against (without
   * it they stay relative, for the caller to resolve against the URL it knows).
   *
   * @param body        the raw bytes
   * @param contentType the HTTP Content-Type header, may be null (it can carry the charset)
   * @param documentUrl where the document came from (after redirects; or its Content-Location), may be null
   * @throws FeedParseException when nothing could be read
   */
  public ParsedFeed parse(byte[] body, String contentType, String documentUrl) throws FeedParseException {
    if (body.length == 0) {
      throw new FeedParseException("empty document", null);
    }
    if (looksLikeJson(body, contentType)) {
      return jsonFeed.parse(body);
    }
    // decoded once, here, so that BOM, HTTP charset, declaration and detection are decided in one place (Rome's
    // XmlReader knows only part of those rules) and the lenient reader sees the same characters
    FeedCharset.Decoded doc = FeedCharset.decode(body, contentType);
    String xml = stripExternalDoctype(doc.text());
    String problem;
    Exception cause;
    try {
      return rome(xml, doc, false, doc.problem(), documentUrl);
    } catch (FeedException | IOException | RuntimeException e) {
      problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      cause = e;
    }
    // not well-formed: Rome's healer (HTML entities, stray ampersands, junk before the declaration) first, then
    // the lenient reader; either way the result is flagged, as feedparser flags bozo feeds. Well-formed input
    // never gets here, so the fallbacks cost it nothing.
    try {
      return rome(xml, doc, true, problem, documentUrl);
    } catch (FeedException | IOException | RuntimeException e) {
      ParsedFeed recovered = lenient.read(xml, doc.encoding(), problem);
      if (recovered.entries().isEmpty() && recovered.title().value() == null) {
        throw new FeedParseException("not a feed: " + problem, cause);
      }
      return recovered;
    }
  }

  /**
   * Rome over the decoded text; the result is flagged when {@code problem} is non-null (the healer was needed, or
   * the charset was not what the document or its transport said).
   */
  private ParsedFeed rome(String xml, FeedCharset.Decoded doc, boolean heal, String problem, String documentUrl)
      throws IOException, FeedException {
    RomeInput input = new RomeInput(documentUrl);
    WireFeed wire = input.read(xml, heal);
    SyndFeed feed = new SyndFeedImpl(wire, false);
    // Rome's SyndFeed drops Atom's generator; the wire feed has it
    String generator = wire instanceof Channel c ? c.getGenerator()
        : wire instanceof com.rometools.rome.feed.atom.Feed a && a.getGenerator() != null ? a.getGenerator().getValue()
        : null;
    return fromRome(feed, updateHint(wire), doc.encoding(), input.scope,
        input.unversionedRss ? "rss" : feed.getFeedType(), problem, generator);
  }

  /**
   * Rome's input with one look at the document between XML and feed parsing: an {@code <rss>} root without a
   * {@code <channel>} is a well-formed, empty feed (Rome would fail on it with a NullPointerException), and an
   * {@code <rss>} without a version attribute is reported as plain {@code rss}, not as the 2.0 Rome reads it as;
   * and the xml:base and xml:lang in effect on the feed's texts are read ({@link XmlScope}), which Rome ignores.
   * One instance per parse (it is not thread-safe).
   */
  private static final class RomeInput extends WireFeedInput {

    private final String documentUrl;
    private boolean unversionedRss;
    private XmlScope.FeedScope scope;

    RomeInput(String documentUrl) {
      this.documentUrl = documentUrl;
    }

    WireFeed read(String xml, boolean heal) throws FeedException {
      setAllowDoctypes(false);
      Reader reader = heal ? new XmlFixerReader(new StringReader(xml)) : new StringReader(xml);
      Document document;
      try {
        org.jdom2.input.SAXBuilder builder = createSAXBuilder();
        // JDOM's writer and Rome walk the tree recursively: deeper documents go to the lenient reader (iterative)
        // rather than overflow the stack; no real feed nests anywhere near this deep
        builder.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_XML_DEPTH));
        document = builder.build(reader);
      } catch (JDOMParseException e) {
        throw new ParsingFeedException("Invalid XML: " + e.getMessage(), e);
      } catch (JDOMException | IOException e) {
        throw new ParsingFeedException("Invalid XML", e);
      }
      Element root = document.getRootElement();
      // before the bodies are folded, so that a body's own xml:base/xml:lang and type are seen where they are
      scope = XmlScope.read(root, documentUrl);
      if (root.getName().equals("rss") && root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
        unversionedRss = root.getAttribute("version") == null;
        if (root.getChild("channel") == null) {
          root.addContent(new Element("channel"));
        }
        foldBodies(root.getChild("channel").getChildren("item"));
        foldBodies(root.getChildren("item"));
      } else if (root.getName().equals("RDF")) {
        for (Element child : root.getChildren()) {
          if (child.getName().equals("item")) {
            foldBodies(List.of(child));
          }
        }
      }
      return build(document);
    }
  }

  private static final Namespace CONTENT = Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  /**
   * Gives Rome an item's full text where older feeds put it: an {@code <xhtml:body>} of inline XHTML, or a
   * {@code <body>} or {@code <fullitem>} of escaped HTML, becomes the {@code content:encoded} Rome reads, unless the
   * item already has one. Runs over an item's direct children only, so it costs next to nothing.
   */
  private static void foldBodies(List<Element> items) {
    for (Element item : items) {
      if (item.getChild("encoded", CONTENT) != null) {
        continue;
      }
      for (Element child : item.getChildren()) {
        String ns = child.getNamespaceURI();
        boolean body = child.getName().equals("body") && (ns.isEmpty() || ns.equals(XHTML));
        boolean fullitem = child.getName().equals("fullitem") && ns.isEmpty();
        if (body || fullitem) {
          String html = child.getChildren().isEmpty() ? child.getText()
              : new XMLOutputter(Format.getRawFormat().setOmitDeclaration(true)).outputString(child.getContent());
          if (!html.isBlank()) {
            item.addContent(new Element("encoded", CONTENT).setText(html));
            break;
          }
        }
      }
    }
  }

  /**
   * Removes a DOCTYPE that only names an external DTD (no internal subset), as feedparser does: such a DOCTYPE adds
   * nothing a feed reader needs, and Rome, which refuses every DOCTYPE against XXE, would otherwise send the whole
   * feed to the lenient reader. A DOCTYPE with an internal subset ({@code [...]}, where entity tricks live) stays
   * and is refused.
   */
  static String stripExternalDoctype(String xml) {
    int limit = Math.min(xml.length(), 4096);
    int start = -1;
    for (int i = xml.indexOf("<!"); i >= 0 && i + 9 <= limit; i = xml.indexOf("<!", i + 2)) {
      if (xml.regionMatches(true, i + 2, "doctype", 0, 7)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      return xml;
    }
    for (int j = start + 9; j < xml.length(); j++) {
      if (xml.charAt(j) == '[') {
        return xml;
      }
      if (xml.charAt(j) == '>') {
        return xml.substring(0, start) + xml.substring(j + 1);
      }
    }
    return xml;
  }

  /** The longer of RSS {@code <ttl>} and the syndication module's period, the feed's own word on how often it changes. */
  static Duration updateHint(WireFeed wire) {
    Duration hint = null;
    if (wire instanceof Channel c && c.getTtl() > 0) {
      hint = Duration.ofMinutes(c.getTtl());
    }
    if (wire.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
      Duration period = switch (sy.getUpdatePeriod().strip().toLowerCase(Locale.ROOT)) {
        case "hourly" -> Duration.ofHours(1);
        case "daily" -> Duration.ofDays(1);
        case "weekly" -> Duration.ofDays(7);
        case "monthly" -> Duration.ofDays(30);
        case "yearly" -> Duration.ofDays(365);
        default -> null;
      };
      if (period != null) {
        Duration sy1 = period.dividedBy(Math.max(1, sy.getUpdateFrequency()));
        hint = hint == null || sy1.compareTo(hint) > 0 ? sy1 : hint;
      }
    }
    return hint;
  }

  private static boolean looksLikeJson(byte[] body, String contentType) {
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  private ParsedFeed fromRome(SyndFeed feed, Duration updateHint, String encoding, XmlScope.FeedScope scope,
                              String format, String problem, String generator) {
    List<FeedEntry> entries = new ArrayList<>();
    // Rome keeps the document's order, so the walk's entries pair up with Rome's by position
    List<XmlScope.EntryScope> scopes = scope != null && scope.entries().size() == feed.getEntries().size()
        ? scope.entries() : null;
    boolean atom10 = "atom_1.0".equals(feed.getFeedType());
    for (SyndEntry e : feed.getEntries()) {
      XmlScope.EntryScope s = scopes == null ? null : scopes.get(entries.size());
      String content = null;
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null && !c.getValue().isBlank()) {
          content = FeedCharset.c1ToWindows1252(c.getValue());
          break;
        }
      }
      String summary = e.getDescription() == null ? null : FeedCharset.c1ToWindows1252(e.getDescription().getValue());
      if (s != null) {
        summary = TextTypes.asHtml(summary, s.summary(), atom10);
        content = TextTypes.asHtml(content, s.content(), atom10);
      }
      List<String> authors = new ArrayList<>();
      for (SyndPerson p : e.getAuthors()) {
        if (p.getName() != null && !p.getName().isBlank()) {
          authors.add(p.getName().strip());
        }
      }
      if (authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
        authors.add(e.getAuthor().strip());
      }
      List<String> categories = new ArrayList<>();
      for (SyndCategory c : e.getCategories()) {
        if (c.getName() != null && !c.getName().isBlank()) {
          categories.add(c.getName().strip());
        }
      }
      String link = e.getLink();
      if ((link == null || link.isBlank()) && !e.getLinks().isEmpty()) {
        link = e.getLinks().getFirst().getHref();
      }
      entries.add(new FeedEntry(e.getUri(),
          new FeedText(FeedCharset.c1ToWindows1252(e.getTitle()), s == null ? null : s.title()),
          new FeedText(summary, s == null ? null : s.summary()), new FeedText(content, s == null ? null : s.content()),
          new People(authors, RomeDetails.people(e.getAuthors(), e.getAuthor()),
              RomeDetails.people(e.getContributors(), null)),
          categories,
          new EntryDates(DateParser.entryDate(s == null ? null : s.published(), e.getPublishedDate()),
              DateParser.entryDate(s == null ? null : s.updated(), e.getUpdatedDate())),
          new EntryLinks(link, RomeDetails.links(e.getLinks()), RomeDetails.enclosures(e),
              blankToNull(e.getComments())),
          s == null ? null : new Scope(s.base(), s.language())));
    }
    String language = blankToNull(feed.getLanguage());
    if (language == null && scope != null) {
      language = scope.language(); // an Atom feed's language is its xml:lang
    }
    TextContext subtitle = scope == null ? TextContext.UNKNOWN : scope.subtitle();
    TextContext rights = scope == null ? TextContext.UNKNOWN : scope.rights();
    return new ParsedFeed(new Reading(format, encoding, problem),
        new FeedText(FeedCharset.c1ToWindows1252(feed.getTitle()), scope == null ? null : scope.title()),
        new FeedText(TextTypes.asHtml(FeedCharset.c1ToWindows1252(blankToNull(feed.getDescription())), subtitle,
            atom10), subtitle),
        new FeedText(TextTypes.asHtml(FeedCharset.c1ToWindows1252(blankToNull(feed.getCopyright())), rights, atom10),
            rights),
        feed.getLink(), RomeDetails.links(feed.getLinks()), RomeDetails.people(feed.getAuthors(), feed.getAuthor()),
        blankToNull(generator), new Scope(scope == null ? null : scope.base(), language), updateHint, entries);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

}
