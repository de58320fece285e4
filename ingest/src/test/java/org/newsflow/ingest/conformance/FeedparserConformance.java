package org.newsflow.ingest.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsflow.ingest.normalise.HtmlCleaner;
import org.newsflow.ingest.parse.FeedEntry;
import org.newsflow.ingest.parse.FeedParseException;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.parse.FeedLink;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.parse.Person;
import org.newsflow.ingest.parse.TextContext;

/**
 * Runs our parser and sanitiser over Python feedparser's test feeds and checks each file's {@code Expect:} line
 * against a feedparser-shaped view of our result. Only the fields newsflow keeps are mapped (feed title, link,
 * language, subtitle, rights; entry title, link, id, summary/description, content, author(s), tags, dates; the value
 * of each {@code *_detail}; {@code bozo}, {@code encoding}, {@code version}); an expectation about any other field
 * fails as "unmapped". For the sanitize folder it also checks safety: no script, style, frame, object, form or
 * event-handler and no javascript:/vbscript:/data: URL survives in any HTML field of the feed or its entries.
 *
 * <p>Run: {@code java ... FeedparserConformance DIR} or the JUnit wrapper with {@code -Dnewsflow.feedparser.dir=DIR}.
 */
public final class FeedparserConformance {

  private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*?)\\s*(?:\\r?\\n|-->)");
  private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^\\s*Header:\\s*Content-type:\\s*(.+?)\\s*$");
  private static final Pattern CONTENT_LOCATION = Pattern.compile("(?im)^\\s*Header:\\s*Content-Location:\\s*(.+?)\\s*$");
  /** Where feedparser's own test server serves the files; bases that are not declared default to it. */
  private static final String TEST_SERVER = "http://127.0.0.1:8097/tests/";
  private static final Set<String> DANGEROUS_TAGS = Set.of("script", "style", "iframe", "frame", "frameset", "object",
      "embed", "applet", "form", "input", "button", "textarea", "select", "meta", "link", "base", "svg", "math");

  private final FeedParser parser = new FeedParser();
  private final HtmlCleaner html = new HtmlCleaner();

  /** Per-folder counts. */
  public record Tally(int files, int passed, int unmapped, int unsupported, int safetyChecked, int safe,
                      List<String> failures) {
  }

  /** Runs every *.xml under each top-level folder of {@code root}; keys are folder names. */
  public Map<String, Tally> run(Path root) throws IOException {
    Map<String, Tally> out = new TreeMap<>();
    try (Stream<Path> top = Files.list(root)) {
      for (Path folder : top.filter(Files::isDirectory).sorted().toList()) {
        out.put(folder.getFileName().toString(), runFolder(folder));
      }
    }
    return out;
  }

  private Tally runFolder(Path folder) throws IOException {
    int files = 0;
    int passed = 0;
    int unmapped = 0;
    int unsupported = 0;
    int checked = 0;
    int safe = 0;
    List<String> failures = new ArrayList<>();
    List<Path> all;
    try (Stream<Path> s = Files.walk(folder)) {
      all = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    for (Path file : all) {
      byte[] bytes = Files.readAllBytes(file);
      Matcher m = EXPECT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
      if (!m.find()) {
        continue;
      }
      files++;
      String expect = new String(m.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      String head = new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.ISO_8859_1);
      Matcher ct = CONTENT_TYPE.matcher(head);
      Matcher cl = CONTENT_LOCATION.matcher(head);
      String url = TEST_SERVER + folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/');
      if (cl.find()) {
        url = java.net.URI.create(url).resolve(cl.group(1)).toString(); // Content-Location names the document's URL
      }
      Map<String, Object> model = model(bytes, ct.find() ? ct.group(1) : null, url);
      try {
        if (PyExpr.test(expect, model, FeedparserConformance::pyEqual)) {
          passed++;
        } else {
          failures.add(folder.relativize(file) + ": " + expect);
        }
      } catch (PyExpr.KeyMissing e) {
        unmapped++;
        failures.add(folder.relativize(file) + ": unmapped " + e.getMessage());
      } catch (PyExpr.Unsupported | ClassCastException | IndexOutOfBoundsException e) {
        unsupported++;
        failures.add(folder.relativize(file) + ": unsupported expression " + e.getMessage());
      }
      if (file.toString().contains("sanitize")) {
        checked++;
        if (safe(model)) {
          safe++;
        } else {
          failures.add(folder.relativize(file) + ": UNSAFE output");
        }
      }
    }
    return new Tally(files, passed, unmapped, unsupported, checked, safe, failures);
  }

  /** A feedparser-shaped view of what we parse. */
  Map<String, Object> model(byte[] bytes, String contentType, String url) {
    Map<String, Object> names = new LinkedHashMap<>();
    Map<String, Object> feed = new LinkedHashMap<>();
    List<Object> entries = new ArrayList<>();
    names.put("feed", feed);
    names.put("entries", entries);
    ParsedFeed parsed;
    try {
      parsed = parser.parse(bytes, contentType, url);
    } catch (FeedParseException | RuntimeException e) {
      names.put("bozo", true);
      names.put("bozo_exception", e.toString());
      return names;
    }
    names.put("bozo", parsed.reading().recovered());
    if (parsed.reading().encoding() != null) {
      names.put("encoding", new CharsetName(parsed.reading().encoding()));
    }
    names.put("version", version(parsed.reading().format()));
    String feedBase = parsed.scope().base() != null ? parsed.scope().base() : url;
    putText(feed, "title", parsed.title().value() == null ? null : html.titleText(parsed.title().value()));
    putText(feed, "link", resolve(feedBase, parsed.link()));
    putText(feed, "language", parsed.scope().language());
    detail(feed, "title", (String) feed.get("title"), parsed.title().context());
    if (parsed.subtitle().value() != null) {
      // feedparser's aliases: description and tagline (and Atom 0.3's info) are the subtitle
      String clean = value(parsed.subtitle().value(), parsed.subtitle().context());
      for (String key : List.of("subtitle", "description", "tagline")) {
        feed.put(key, clean);
        detail(feed, key, clean, parsed.subtitle().context());
      }
    }
    if (parsed.rights().value() != null) {
      String clean = value(parsed.rights().value(), parsed.rights().context());
      for (String key : List.of("rights", "copyright")) {
        feed.put(key, clean);
        detail(feed, key, clean, parsed.rights().context());
      }
    }
    if (!parsed.authors().isEmpty()) {
      people(feed, "author", "authors", parsed.authors(), feedBase);
    }
    if (!parsed.links().isEmpty()) {
      feed.put("links", links(parsed.links(), feedBase));
    }
    putText(feed, "generator", parsed.generator());
    for (FeedEntry e : parsed.entries()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      putText(entry, "title", e.title().value() == null ? null : html.titleText(e.title().value()));
      detail(entry, "title", (String) entry.get("title"), e.title().context());
      putText(entry, "link", resolve(e.scope().base() != null ? e.scope().base() : feedBase, e.links().link()));
      putText(entry, "id", e.guid());
      boolean summaryIsContent = e.summary().value() == null;
      String summary = summaryIsContent ? e.content().value() : e.summary().value();
      TextContext summaryContext = summaryIsContent ? e.content().context() : e.summary().context();
      if (summary != null) {
        String clean = value(summary, summaryContext);
        entry.put("summary", clean);
        entry.put("description", clean);
        detail(entry, "summary", clean, summaryContext);
      }
      if (e.content().value() != null) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("value", value(e.content().value(), e.content().context()));
        c.put("type", e.content().context().type());
        c.put("language", e.content().context().language());
        c.put("base", e.content().context().base());
        entry.put("content", List.of(c));
      }
      String entryBase = e.scope().base() != null ? e.scope().base() : feedBase;
      if (!e.people().authors().isEmpty()) {
        people(entry, "author", "authors", e.people().authors(), entryBase);
      } else if (!e.people().names().isEmpty()) {
        entry.put("author", e.people().names().getFirst());
        List<Object> authors = new ArrayList<>();
        e.people().names().forEach(a -> authors.add(new LinkedHashMap<>(Map.of("name", a))));
        entry.put("authors", authors);
      }
      if (!e.people().contributors().isEmpty()) {
        people(entry, null, "contributors", e.people().contributors(), entryBase);
      }
      if (!e.links().all().isEmpty()) {
        entry.put("links", links(e.links().all(), entryBase));
      }
      putText(entry, "comments", resolve(entryBase, e.links().comments()));
      if (!e.categories().isEmpty()) {
        List<Object> tags = new ArrayList<>();
        e.categories().forEach(t -> tags.add(new LinkedHashMap<>(Map.of("term", t))));
        entry.put("tags", tags);
        entry.put("category", e.categories().getFirst());
      }
      if (e.dates().published() != null) {
        entry.put("published_parsed", timeTuple(e.dates().published()));
      }
      if (e.dates().updated() != null || e.dates().published() != null) {
        entry.put("updated_parsed", timeTuple(e.dates().updated() != null ? e.dates().updated() : e.dates().published()));
      }
      entries.add(entry);
    }
    return names;
  }

  /** feedparser's {@code KEY_detail}: the value with the type, language and base the parser read. */
  private static void detail(Map<String, Object> m, String key, String value, TextContext context) {
    if (value != null) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("value", value);
      d.put("type", context.type());
      d.put("language", context.language());
      d.put("base", context.base());
      m.put(key + "_detail", d);
    }
  }

  /**
   * A text as feedparser reports it: sanitised HTML resolved against the text's base, but a text declared
   * {@code text/plain} that holds no markup as the plain text it is (we carry it escaped as HTML).
   */
  private String value(String raw, TextContext context) {
    String clean = html.sanitize(raw, context.base());
    if ("text/plain".equals(context.type())) {
      Document d = Jsoup.parseBodyFragment(clean);
      if (d.body().children().isEmpty()) {
        return d.body().wholeText();
      }
    }
    return clean;
  }

  /**
   * feedparser's people: {@code author} (the first as "name (email)", or whichever it has), {@code author_detail}
   * and the list {@code authors}/{@code contributors}, each a dict of name, email and href (resolved).
   */
  private static void people(Map<String, Object> m, String single, String list, List<Person> people, String base) {
    List<Object> out = new ArrayList<>();
    for (Person p : people) {
      Map<String, Object> d = new LinkedHashMap<>();
      putText(d, "name", p.name());
      putText(d, "email", p.email());
      putText(d, "href", resolve(base, p.uri()));
      out.add(d);
    }
    m.put(list, out);
    if (single != null) {
      Person first = people.getFirst();
      String text = first.name() != null && first.email() != null ? first.name() + " (" + first.email() + ")"
          : first.name() != null ? first.name() : first.email();
      putText(m, single, text);
      m.put(single + "_detail", out.getFirst());
    }
  }

  /** feedparser's {@code links}: rel, type, href (resolved) and title where given. */
  private static List<Object> links(List<FeedLink> links, String base) {
    List<Object> out = new ArrayList<>();
    for (FeedLink l : links) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("rel", l.rel());
      putText(d, "type", l.type());
      d.put("href", resolve(base, l.href()));
      putText(d, "title", l.title());
      out.add(d);
    }
    return out;
  }

  /** A link as the normaliser resolves it (before canonicalising): against the base in effect. */
  private static String resolve(String base, String link) {
    if (link == null || base == null) {
      return link;
    }
    try {
      return java.net.URI.create(base.replace(" ", "%20")).resolve(link.strip().replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  private static void putText(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String version(String format) {
    if (format == null) {
      return "";
    }
    return format.replace("_", "").replace(".", "").toLowerCase(Locale.ROOT);
  }

  private static List<Object> timeTuple(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return List.of((long) z.getYear(), (long) z.getMonthValue(), (long) z.getDayOfMonth(), (long) z.getHour(),
        (long) z.getMinute(), (long) z.getSecond(), (long) (z.getDayOfWeek().getValue() - 1), (long) z.getDayOfYear(), 0L);
  }

  /**
   * An encoding name; equal to any label of the same charset (IANA names are case-insensitive and have aliases, so
   * {@code 'big5'}, {@code 'Big5'} and {@code 'csBig5'} all ask the same question).
   */
  record CharsetName(String name) {

    boolean sameAs(String label) {
      try {
        return java.nio.charset.Charset.forName(name).equals(java.nio.charset.Charset.forName(label.replace('_', '-')));
      } catch (RuntimeException e) {
        return name.equalsIgnoreCase(label);
      }
    }
  }

  /** Python ==, with HTML compared after normalising both sides the same way. */
  static boolean pyEqual(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof CharsetName x) {
      return b instanceof String s ? x.sameAs(s) : x.equals(b);
    }
    if (b instanceof CharsetName y) {
      return pyEqual(y, a);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y) || normalizeHtml(x).equals(normalizeHtml(y));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!pyEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      return x.keySet().stream().allMatch(k -> pyEqual(x.get(k), y.get(k)));
    }
    return a.equals(b);
  }

  private static String normalizeHtml(String s) {
    Document d = Jsoup.parseBodyFragment(s);
    d.outputSettings().prettyPrint(false);
    for (Element a : d.select("a[rel]")) {
      if (a.attr("rel").equals("nofollow noopener")) {
        a.removeAttr("rel");
      }
    }
    return d.body().html().replaceAll("\\s+", " ").strip();
  }

  /** No active content in any HTML field of the feed or any entry. */
  static boolean safe(Map<String, Object> model) {
    List<Object> scopes = new ArrayList<>((List<?>) model.get("entries"));
    scopes.add(model.get("feed"));
    for (Object o : scopes) {
      Map<?, ?> e = (Map<?, ?>) o;
      List<String> fields = new ArrayList<>();
      for (String key : List.of("summary", "subtitle", "rights")) {
        if (e.get(key) instanceof String s) {
          fields.add(s);
        }
      }
      if (e.get("content") instanceof List<?> l) {
        l.forEach(c -> fields.add((String) ((Map<?, ?>) c).get("value")));
      }
      for (String f : fields) {
        for (Element el : Jsoup.parseBodyFragment(f).body().getAllElements()) {
          if (DANGEROUS_TAGS.contains(el.normalName())) {
            return false;
          }
          for (Attribute at : el.attributes()) {
            String k = at.getKey().toLowerCase(Locale.ROOT);
            String v = at.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
            if (k.startsWith("on") || k.equals("style") || v.startsWith("javascript:") || v.startsWith("vbscript:")
                || v.startsWith("data:") || v.startsWith("livescript:")) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  /** Prints the pass rate per folder; exits non-zero when a sanitize case is unsafe. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FeedparserConformance DIR   (DIR holds wellformed/, illformed/, encoding/, entities/)");
      System.exit(2);
    }
    Map<String, Tally> result = new FeedparserConformance().run(Path.of(args[0]));
    System.out.print(report(result));
    boolean verbose = Boolean.getBoolean("verbose");
    if (verbose) {
      result.forEach((k, t) -> t.failures().forEach(f -> System.out.println(k + "/" + f)));
    }
  }

  /** A markdown table of the tallies. */
  public static String report(Map<String, Tally> result) {
    StringBuilder sb = new StringBuilder("| folder | files | pass | pass rate | unmapped field | unsupported expr | sanitize safe |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n");
    int files = 0;
    int passed = 0;
    for (var e : result.entrySet()) {
      Tally t = e.getValue();
      files += t.files();
      passed += t.passed();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %d | %d | %s |%n", e.getKey(), t.files(), t.passed(),
          t.files() == 0 ? 0.0 : 100.0 * t.passed() / t.files(), t.unmapped(), t.unsupported(),
          t.safetyChecked() == 0 ? "-" : t.safe() + "/" + t.safetyChecked()));
    }
    sb.append(String.format(Locale.ROOT, "| **all** | %d | %d | %.1f%% | | | |%n", files, passed,
        files == 0 ? 0.0 : 100.0 * passed / files));
    return sb.toString();
  }
}
