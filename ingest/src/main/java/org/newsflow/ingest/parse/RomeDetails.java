package org.newsflow.ingest.parse;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.newsflow.common.article.Enclosure;

/** Rome's persons, links and media of a feed or entry as newsflow's records. */
final class RomeDetails {

  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";

  private RomeDetails() {
  }

  /**
   * Rome's persons with name, e-mail and home page; when it has none, the single author string (RSS {@code author},
   * {@code managingEditor}, {@code dc:creator}) split into name and e-mail.
   */
  static List<Person> people(List<SyndPerson> persons, String single) {
    List<Person> out = new ArrayList<>(persons.size());
    for (SyndPerson p : persons) {
      Person person = new Person(blankToNull(p.getName()), blankToNull(p.getEmail()), blankToNull(p.getUri()));
      if (person.name() != null && person.email() == null && person.uri() == null) {
        person = Person.parse(person.name()); // RSS authors arrive as one string, "me@example.com (Me)"
      }
      if (person.name() != null || person.email() != null || person.uri() != null) {
        out.add(person);
      }
    }
    if (out.isEmpty() && single != null && !single.isBlank()) {
      out.add(Person.parse(single));
    }
    return out;
  }

  static List<FeedLink> links(List<SyndLink> links) {
    List<FeedLink> out = new ArrayList<>(links.size());
    for (SyndLink l : links) {
      if (l.getHref() != null && !l.getHref().isBlank()) {
        String rel = blankToNull(l.getRel());
        out.add(new FeedLink(rel == null ? "alternate" : rel, blankToNull(l.getType()), l.getHref().strip(),
            blankToNull(l.getTitle())));
      }
    }
    return out;
  }

  /** RSS enclosures and Atom enclosure links (Rome), plus Media RSS content and thumbnails (foreign markup). */
  static List<Enclosure> enclosures(SyndEntry e) {
    List<Enclosure> out = new ArrayList<>();
    for (SyndEnclosure en : e.getEnclosures()) {
      if (en.getUrl() != null && !en.getUrl().isBlank()) {
        out.add(new Enclosure(en.getUrl().strip(), blankToNull(en.getType()), en.getLength() > 0 ? en.getLength() : null));
      }
    }
    for (Element el : e.getForeignMarkup()) {
      collectMedia(el, out);
    }
    return out;
  }

  private static void collectMedia(Element el, List<Enclosure> out) {
    if (MEDIA_RSS.equals(el.getNamespaceURI())) {
      String name = el.getName();
      if ((name.equals("content") || name.equals("thumbnail")) && el.getAttributeValue("url") != null) {
        String url = el.getAttributeValue("url").strip();
        if (out.stream().noneMatch(x -> x.url().equals(url))) {
          String size = el.getAttributeValue("fileSize");
          out.add(new Enclosure(url, blankToNull(el.getAttributeValue("type")),
              size != null && size.strip().matches("\\d{1,18}") ? Long.valueOf(size.strip()) : null));
        }
      }
      for (Element child : el.getChildren()) {
        collectMedia(child, out); // media:group wraps content
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
