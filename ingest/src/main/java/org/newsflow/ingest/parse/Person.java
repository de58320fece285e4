package org.newsflow.ingest.parse;

/**
 * An author or contributor as the feed names them.
 *
 * @param name  the name, may be null
 * @param email the e-mail address, may be null
 * @param uri   their home page (Atom {@code uri}/{@code url}) as written, maybe relative; may be null
 */
public record Person(String name, String email, String uri) {

  /**
   * An RSS-style author string split into name and e-mail: {@code me@example.com (Me)}, {@code Me <me@example.com>},
   * a bare address or a bare name.
   */
  static Person parse(String author) {
    String a = author.strip();
    int open = a.indexOf('(');
    if (open > 0 && a.endsWith(")") && a.substring(0, open).contains("@")) {
      return new Person(a.substring(open + 1, a.length() - 1).strip(), a.substring(0, open).strip(), null);
    }
    int lt = a.indexOf('<');
    if (lt >= 0 && a.endsWith(">") && a.substring(lt).contains("@")) {
      String name = a.substring(0, lt).strip();
      return new Person(name.isEmpty() ? null : name, a.substring(lt + 1, a.length() - 1).strip(), null);
    }
    if (a.matches("[^\\s@]+@[^\\s@]+")) {
      return new Person(null, a, null);
    }
    return new Person(a, null, null);
  }
}
