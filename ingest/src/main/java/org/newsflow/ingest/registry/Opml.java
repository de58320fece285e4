package org.newsflow.ingest.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads the feeds of an OPML subscription list: every {@code outline} with an {@code xmlUrl}; the texts of the
 * enclosing outlines (folders) become the feed's tags. Parsed with jsoup's XML parser, which resolves no external
 * entities.
 */
public final class Opml {

  private Opml() {
  }

  /**
   * The feeds of an OPML file, duplicates kept once.
   *
   * @throws InvalidFeedsFileException when the file cannot be read or lists no feed
   */
  public static List<FeedDefinition> read(Path file) {
    String xml;
    try {
      xml = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidFeedsFileException("cannot read OPML file " + file + ": " + e.getMessage(), e);
    }
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    Map<String, FeedDefinition> out = new LinkedHashMap<>();
    for (Element o : doc.select("outline[xmlUrl]")) {
      String url = o.attr("xmlUrl").strip();
      if (url.isEmpty()) {
        continue;
      }
      List<String> tags = new ArrayList<>();
      for (Element p : o.parents()) {
        if (p.normalName().equals("outline") && !p.hasAttr("xmlUrl")) {
          String t = p.hasAttr("text") ? p.attr("text") : p.attr("title");
          if (!t.isBlank()) {
            tags.addFirst(t.strip());
          }
        }
      }
      String name = o.hasAttr("title") ? o.attr("title") : o.attr("text");
      try {
        FeedDefinition f = new FeedDefinition(null, url, name.isBlank() ? null : name.strip(), null, tags);
        out.putIfAbsent(f.id(), f);
      } catch (IllegalArgumentException e) {
        throw new InvalidFeedsFileException("OPML file " + file + ", outline " + url + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new InvalidFeedsFileException("OPML file " + file + " lists no feeds (no <outline xmlUrl=...>)", null);
    }
    return List.copyOf(out.values());
  }
}
