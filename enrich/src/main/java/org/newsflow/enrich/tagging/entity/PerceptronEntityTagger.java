package org.newsflow.enrich.tagging.entity;

import java.util.ArrayList;
import java.util.List;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.enrich.tagging.EntityTagger;
import org.newsflow.enrich.tagging.text.Sentence;
import org.newsflow.enrich.tagging.text.SentenceSplitter;
import org.newsflow.enrich.tagging.text.Token;

/**
 * The newsflow entity tagger: tokenizes title and body, tags names with an {@link EntityModel}, folds mentions
 * of the same thing into one canonical entity ("Joe Biden", "President Biden", "Biden" → Joe Biden), links
 * places (and demonyms such as "Israeli", kept as mentions of form {@code demonym}) to GeoNames ids, ISO 3166 codes
 * and coordinates, and ranks entities by salience. Title-Case headlines are shown to the model with their common
 * words in lower case ({@link HeadlineCase}).
 * Thread-safe; odd input gives an empty or partial result, and the work per article is bounded (body text up to
 * {@link #MAX_TEXT_CHARS}, every step linear in the number of tokens and mentions).
 *
 * <p>Default construction: {@code new PerceptronEntityTagger(EntityModel.loadDefault())}.
 */
public final class PerceptronEntityTagger implements EntityTagger {

  /** Body text beyond this many chars is not tagged, to bound latency on pathological input. */
  public static final int MAX_TEXT_CHARS = 1_000_000;
  /** Title text beyond this many chars is not tagged: a title is a line, not a second body. */
  public static final int MAX_TITLE_CHARS = 10_000;

  private static final String TITLE = "title";
  private static final String TEXT = "text";

  private final EntityModel model;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final EntityFolder folder;
  private final HeadlineCase headlineCase;
  private final OrganisationHeads organisationHeads;

  /**
   * Creates a tagger.
   *
   * @param model the trained model, e.g. {@link EntityModel#loadDefault()}
   */
  public PerceptronEntityTagger(EntityModel model) {
    this(model, PlaceIndex.loadDefault());
  }

  /**
   * Creates a tagger linking places with the given gazetteer.
   *
   * @param model  the trained model
   * @param places the GeoNames places, e.g. {@link PlaceIndex#loadDefault()}
   */
  public PerceptronEntityTagger(EntityModel model, PlaceIndex places) {
    this.model = model;
    PlaceLinker linker = new PlaceLinker(model.gazetteer(), places);
    this.folder = new EntityFolder(model.gazetteer(), linker);
    this.organisationHeads = new OrganisationHeads(model.gazetteer(), name -> !linker.candidates(name, true).isEmpty());
    this.headlineCase = new HeadlineCase(model, places);
  }

  @Override
  public List<Entity> tag(String title, String text) {
    title = title == null ? "" : title.length() > MAX_TITLE_CHARS ? title.substring(0, MAX_TITLE_CHARS) : title;
    text = text == null ? "" : text;
    String body = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    List<Sentence> sentences = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (Sentence s : splitter.split(title)) {
      sentences.add(s);
      fields.add(TITLE);
    }
    int titles = sentences.size();
    for (Sentence s : splitter.split(body)) {
      sentences.add(s);
      fields.add(TEXT);
    }
    if (sentences.isEmpty()) {
      return List.of();
    }
    List<String[]> doc = new ArrayList<>(sentences.size());
    for (Sentence s : sentences) {
      String[] w = new String[s.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = s.tokens().get(i).text();
      }
      doc.add(w);
    }
    // the organisation rule reads capitalisation as the model did, with a Title-Case headline's common words lowered
    List<String[]> shown = headlineCase.apply(doc, titles);
    List<List<Span>> spans = model.tag(shown);
    Gazetteer gaz = model.gazetteer();
    List<RawMention> raws = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String field = fields.get(s);
      String source = TITLE.equals(field) ? title : body;
      List<Token> tokens = sentences.get(s).tokens();
      List<Span> pieces = new ArrayList<>();
      for (Span span : spans.get(s)) {
        pieces.addAll(MentionBounds.pieces(tokens, span));
      }
      for (Span piece : organisationHeads.apply(shown.get(s), pieces)) {
        RawMention raw = raw(gaz, source, field, tokens, piece, raws.size());
        if (raw != null) {
          raws.add(raw);
        }
      }
    }
    return folder.fold(folder.coordinatedPlaces(raws, title, body), body.length());
  }

  /** Turns a tagged span into a mention, trimming titles and possessives; null when nothing name-like is left. */
  private static RawMention raw(Gazetteer gaz, String source, String field, List<Token> tokens, Span span, int order) {
    int a = span.start();
    int b = span.end();
    EntityType type = switch (span.type()) {
      case "PER" -> EntityType.PERSON;
      case "ORG" -> EntityType.ORGANIZATION;
      case "LOC" -> EntityType.LOCATION;
      default -> EntityType.OTHER;
    };
    // "National Security Adviser Jake Sullivan" tagged as one organisation: a title followed by a first name
    // inside a span means the span is really a role plus a person.
    if (type != EntityType.PERSON) {
      for (int q = b - 2; q >= a; q--) {
        int f = gaz.wordFlags(tokens.get(q).text());
        int next = gaz.wordFlags(tokens.get(q + 1).text());
        if ((f & Gazetteer.TITLE) != 0 && (next & Gazetteer.FIRST_NAME) != 0 && (next & Gazetteer.TITLE) == 0) {
          type = EntityType.PERSON;
          a = q + 1;
          break;
        }
      }
    }
    // "President Joe Biden": titles are not part of a person's name.
    while (a < b && type == EntityType.PERSON && (gaz.wordFlags(tokens.get(a).text()) & Gazetteer.TITLE) != 0) {
      a++;
    }
    while (b > a && isPossessiveOrPunct(tokens.get(b - 1).text()) && !MentionBounds.closesInside(tokens, a, b)) {
      b--;
    }
    while (a < b && isPossessiveOrPunct(tokens.get(a).text())) {
      a++;
    }
    if (a >= b) {
      return null;
    }
    if (b - a == 1) {
      String w = tokens.get(a).text();
      int flags = gaz.wordFlags(w);
      // Weekdays, months and bare titles are never names on their own.
      if ((flags & Gazetteer.TEMPORAL) != 0 || (flags & Gazetteer.TITLE) != 0 && (flags & Gazetteer.ORG) == 0) {
        return null;
      }
    }
    boolean hasLetter = false;
    String[] words = new String[b - a];
    for (int i = a; i < b; i++) {
      String w = tokens.get(i).text();
      words[i - a] = Gazetteer.normalise(w);
      for (int k = 0; k < w.length() && !hasLetter; k++) {
        hasLetter = Character.isLetter(w.charAt(k));
      }
    }
    if (!hasLetter) {
      return null;
    }
    int start = tokens.get(a).start();
    int end = tokens.get(b - 1).end();
    return new RawMention(field, start, end, source.substring(start, end), type, words, order);
  }

  private static boolean isPossessiveOrPunct(String t) {
    if (t.equals("'s") || t.equals("\u2019s") || t.equals("'S") || t.equals("\u2019S")) {
      return true;
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetterOrDigit(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
