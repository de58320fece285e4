package org.newsflow.app.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Many synthetic RSS feeds whose articles appear at a steady rate: each new article goes to the next feed in turn,
 * with a 500-word body of news-like sentences (people, organisations, places, numbers), and the moment it
 * appeared is remembered by its URL. A feed's document holds its newest {@value #ITEMS_PER_FEED} articles and
 * carries an ETag, so unchanged feeds answer 304.
 */
final class NewsWire {

  static final int ITEMS_PER_FEED = 10;
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String[] PEOPLE = {"Angela Merkel", "Emmanuel Macron", "Joe Biden", "Olaf Scholz", "Rishi Sunak",
      "Giorgia Meloni", "Pedro Sanchez", "Christine Lagarde", "Jerome Powell", "Ursula von der Leyen", "Narendra Modi",
      "Xi Jinping", "Luiz Inacio Lula da Silva", "Cyril Ramaphosa", "Justin Trudeau", "Fumio Kishida"};
  private static final String[] ORGS = {"European Central Bank", "Federal Reserve", "United Nations", "NATO", "World Bank",
      "International Monetary Fund", "Deutsche Bank", "Siemens", "Volkswagen", "Reuters", "European Commission",
      "World Health Organization", "Toyota", "Apple", "Microsoft", "BNP Paribas"};
  private static final String[] PLACES = {"Berlin", "Paris", "London", "Washington", "Madrid", "Rome", "Brussels", "Tokyo",
      "Beijing", "New Delhi", "Brasilia", "Pretoria", "Ottawa", "Frankfurt", "Geneva", "Kyiv"};
  private static final String[] VERBS = {"said", "warned", "announced", "denied", "confirmed", "argued", "reported",
      "suggested"};
  private static final String[] THINGS = {"the budget", "interest rates", "the trade talks", "the election",
      "the ceasefire", "inflation", "the new policy", "energy prices", "the agreement", "the investigation",
      "the vaccine programme", "the strike", "the merger", "the summit", "exports", "unemployment"};

  private final int feeds;
  private final SplittableRandom random = new SplittableRandom(2026);
  private final List<Deque<String>> items = new ArrayList<>();
  private final int[] versions;
  private final Map<String, Long> appeared = new ConcurrentHashMap<>();
  private long next;

  NewsWire(int feeds) {
    this.feeds = feeds;
    this.versions = new int[feeds];
    for (int i = 0; i < feeds; i++) {
      items.add(new ArrayDeque<>());
    }
  }

  int feeds() {
    return feeds;
  }

  /** Publishes the next article in its feed and returns the feed's number; its appearance time is remembered. */
  synchronized int publish() {
    long n = next++;
    int feed = (int) (n % feeds);
    String url = "https://wire" + feed + ".bench.invalid/a/" + n;
    Instant now = Instant.now();
    String item = "<item><title>" + title() + " (" + n + ")</title><link>" + url + "</link><guid>" + url
        + "</guid><pubDate>" + RFC_1123.format(now) + "</pubDate><description><![CDATA[" + body() + "]]></description></item>";
    Deque<String> q = items.get(feed);
    q.addFirst(item);
    if (q.size() > ITEMS_PER_FEED) {
      q.removeLast();
    }
    versions[feed]++;
    appeared.put(url, System.nanoTime());
    return feed;
  }

  /** The feed's document and its ETag. */
  synchronized Document document(int feed) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench wire ").append(feed)
        .append("</title><link>https://wire").append(feed).append(".bench.invalid/</link><language>en</language>");
    items.get(feed).forEach(sb::append);
    sb.append("</channel></rss>");
    return new Document(sb.toString(), "\"v" + versions[feed] + "\"");
  }

  /** When the article with this URL appeared ({@link System#nanoTime()}), or null. */
  Long appeared(String url) {
    return appeared.get(url);
  }

  long published() {
    return appeared.size();
  }

  /** An article's title and plain text (its paragraphs joined), as ingest turns an item into text. */
  record Item(String title, String text) {
  }

  /** A new article of the kind {@link #publish} adds, not published anywhere (for measuring the taggers alone). */
  synchronized Item item(long n) {
    return new Item(title() + " (" + n + ")", body().replace("</p><p>", "\n\n").replace("<p>", "")
        .replace("</p>", "").strip());
  }

  /** A feed document and its ETag. */
  record Document(String xml, String etag) {
  }

  private String title() {
    return pick(PEOPLE) + " " + pick(VERBS) + " " + pick(THINGS) + " in " + pick(PLACES);
  }

  /** About 500 words in paragraphs. */
  private String body() {
    StringBuilder sb = new StringBuilder(3500);
    int words = 0;
    while (words < 500) {
      sb.append("<p>");
      for (int s = 0; s < 4 && words < 500; s++) {
        String sentence = switch (random.nextInt(4)) {
          case 0 -> pick(PEOPLE) + " " + pick(VERBS) + " on Tuesday that " + pick(THINGS) + " would be discussed with "
              + pick(ORGS) + " officials in " + pick(PLACES) + " next week, after " + (2 + random.nextInt(40))
              + " delegations had arrived.";
          case 1 -> "The " + pick(ORGS) + " " + pick(VERBS) + " that " + pick(THINGS) + " rose by " + random.nextInt(9)
              + "." + random.nextInt(10) + " percent in " + pick(PLACES) + ", while analysts in " + pick(PLACES)
              + " expected a slower pace.";
          case 2 -> "Speaking in " + pick(PLACES) + ", " + pick(PEOPLE) + " " + pick(VERBS) + " that " + pick(PEOPLE)
              + " had not been told about " + pick(THINGS) + " before the meeting.";
          default -> "Critics " + pick(VERBS) + " that " + pick(THINGS) + " and " + pick(THINGS)
              + " could weigh on households for months, according to a report by " + pick(ORGS) + ".";
        };
        sb.append(sentence).append(' ');
        words += sentence.split(" ").length;
      }
      sb.append("</p>");
    }
    return sb.toString();
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
