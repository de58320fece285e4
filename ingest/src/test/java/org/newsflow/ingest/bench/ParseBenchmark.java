package org.newsflow.ingest.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsflow.ingest.normalise.ArticleNormalizer;
import org.newsflow.ingest.parse.FeedParser;
import org.newsflow.ingest.parse.ParsedFeed;
import org.newsflow.ingest.registry.FeedDefinition;

/**
 * Single-thread throughput (MB/s and items/s per core) of bare Rome (with its default XML healer, and without), of
 * our parser (strict Rome plus the healing and lenient fallbacks, which must cost nothing on well-formed input), and
 * of parse + normalise + sanitise, on the same
 * generated RSS 2.0 feeds (50 items with ~1.5 kB of HTML each). Args: {@code [rounds] [secondsPerRound]}.
 */
public final class ParseBenchmark {

  private ParseBenchmark() {
  }

  /** Runs the three variants round-robin and prints medians. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    List<byte[]> feeds = new ArrayList<>();
    for (int f = 0; f < 50; f++) {
      feeds.add(feed(f).getBytes(StandardCharsets.UTF_8));
    }
    long bytes = feeds.stream().mapToLong(b -> b.length).sum();
    int items = 50 * feeds.size();
    FeedParser parser = new FeedParser();
    ArticleNormalizer normalizer = new ArticleNormalizer();
    FeedDefinition def = FeedDefinition.of("https://example.org/feed");
    Variant rome = () -> {
      int n = 0;
      for (byte[] b : feeds) {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);
        n += in.build(new XmlReader(new ByteArrayInputStream(b), null, true)).getEntries().size();
      }
      return n;
    };
    Variant romeStrict = () -> {
      int n = 0;
      for (byte[] b : feeds) {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);
        in.setXmlHealerOn(false);
        n += in.build(new XmlReader(new ByteArrayInputStream(b), null, true)).getEntries().size();
      }
      return n;
    };
    Variant parse = () -> {
      int n = 0;
      for (byte[] b : feeds) {
        n += parser.parse(b, null).entries().size();
      }
      return n;
    };
    Variant full = () -> {
      int n = 0;
      for (byte[] b : feeds) {
        ParsedFeed p = parser.parse(b, null);
        n += normalizer.normalize(def, def.url(), p, Instant.EPOCH).size();
      }
      return n;
    };
    String[] names = {"bare Rome (defaults: XML healer on)", "bare Rome, XML healer off", "FeedParser (Rome + fallbacks)",
        "parse + normalise + sanitise"};
    Variant[] variants = {rome, romeStrict, parse, full};
    List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Variant v : variants) {
      run(v, 3 * seconds); // warm-up: the JIT needs a while on a busy shared machine
    }
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < variants.length; i++) {
        rates.get(i).add(run(variants[i], seconds));
      }
    }
    double romeRate = median(rates.get(0));
    System.out.printf(Locale.ROOT, "%d feeds, %d items, %.2f MB per pass%n", feeds.size(), items, bytes / 1e6);
    for (int i = 0; i < variants.length; i++) {
      double passes = median(rates.get(i));
      System.out.printf(Locale.ROOT, "%-40s %8.1f MB/s %10.0f items/s  %5.1f%% of bare Rome (defaults)%n", names[i],
          passes * bytes / 1e6, passes * items, 100 * passes / romeRate);
    }
  }

  private static double run(Variant v, double seconds) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    int passes = 0;
    while (System.nanoTime() < end) {
      v.pass();
      passes++;
    }
    return passes / ((System.nanoTime() - start) / 1e9);
  }

  private static double median(List<Double> l) {
    List<Double> s = new ArrayList<>(l);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static String feed(int f) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<channel><title>Feed " + f + "</title><link>https://example.org/" + f + "/</link><language>en</language>");
    for (int i = 0; i < 50; i++) {
      sb.append("<item><title>Story ").append(i).append(" of feed ").append(f).append(" &amp; more</title>")
          .append("<link>https://example.org/").append(f).append("/story/").append(i).append("?utm_source=rss</link>")
          .append("<guid isPermaLink=\"false\">f").append(f).append("-").append(i).append("</guid>")
          .append("<pubDate>Thu, 14 Mar 2024 09:").append(10 + i % 50).append(":00 +0000</pubDate>")
          .append("<dc:creator>Reporter ").append(i % 7).append("</dc:creator><category>World</category>")
          .append("<description>A short summary of story ").append(i).append(" with a few words.</description>")
          .append("<content:encoded><![CDATA[");
      for (int p = 0; p < 6; p++) {
        sb.append("<p>Paragraph ").append(p).append(" tells <a href=\"/rel/").append(p).append("\">part</a> of the ")
            .append("story in <b>bold</b> and <i>italic</i>, with a quote from the minister who said it would be fine ")
            .append("and an image <img src=\"https://img.example.org/").append(p).append(".jpg\" alt=\"x\"></p>");
      }
      sb.append("<script>track()</script>]]></content:encoded></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @FunctionalInterface
  private interface Variant {
    int pass() throws Exception;
  }
}
