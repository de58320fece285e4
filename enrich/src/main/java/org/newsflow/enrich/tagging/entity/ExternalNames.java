package org.newsflow.enrich.tagging.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.enrich.tagging.text.Token;
import org.newsflow.enrich.tagging.text.Tokenizer;

/**
 * Names from open knowledge sources, as model features: WordNet's instance nouns (people, places, organisations,
 * events) and capitalised class nouns and adjectives, and every GeoNames name of the bundled place gazetteer. They
 * are gathered at training time and stored in the model's hashed table beside the clusters (64-bit hashes of the
 * lower-cased token sequence with a packed description, no text), so the model weighs them like any other feature
 * instead of a rule deciding. Matching is longest-first from a capitalised token, as for {@link NameLexicon}.
 *
 * <p>Packed value: bits 0-3 WordNet instance types (PER, ORG, LOC, MISC), bits 4-7 types of capitalised WordNet
 * class nouns, bit 8 a capitalised WordNet adjective, bits 9-10 the GeoNames kind (1 city, 2 first-level division,
 * 3 country), bits 11-13 the population bucket (log10, 0..7). Zero marks a prefix of a longer name.
 */
public final class ExternalNames {

  /** GeoNames kinds in the packed value. */
  public static final int CITY = 1;
  /** First-level division. */
  public static final int REGION = 2;
  /** Country. */
  public static final int COUNTRY = 3;

  private static final long NAMESPACE = 0x4cf5ad432745937fL;
  private static final Tokenizer TOKENIZER = new Tokenizer();

  private ExternalNames() {}

  /** Key of a name entry (phrase hash as in {@link NameLexicon}), distinct from every other key of the table. */
  static long key(long phraseHash) {
    return Features.mix(NAMESPACE, phraseHash);
  }

  /** Packed value of a WordNet instance of the given type index (0 PER, 1 ORG, 2 LOC, 3 MISC). */
  public static int instance(int type) {
    return 1 << type;
  }

  /** Packed value of a capitalised WordNet class noun of the given type index. */
  public static int classNoun(int type) {
    return 1 << (4 + type);
  }

  /** Packed value of a capitalised WordNet adjective. */
  public static int adjective() {
    return 1 << 8;
  }

  /** Packed value of a GeoNames place of a kind and population. */
  public static int place(int kind, long population) {
    int bucket = population <= 0 ? 0 : Math.min(7, (int) Math.log10(population));
    return kind << 9 | bucket << 11;
  }

  /** Union of two packed values (types and sources OR-ed, the larger place kind and population). */
  public static int merge(int a, int b) {
    int flags = (a | b) & 0x1ff;
    int kind = Math.max((a >>> 9) & 3, (b >>> 9) & 3);
    int pop = Math.max((a >>> 11) & 7, (b >>> 11) & 7);
    return flags | kind << 9 | pop << 11;
  }

  /**
   * Adds a name, tokenized as the tagger tokenizes text, with its prefixes, to a map of entries.
   *
   * @param entries key → packed value, merged
   * @param name    the name as written
   * @param value   its packed value (non-zero)
   */
  public static void add(Map<Long, Integer> entries, String name, int value) {
    List<Token> tokens = TOKENIZER.tokenize(name);
    if (tokens.isEmpty() || tokens.size() > NameLexicon.MAX_LENGTH) {
      return;
    }
    long h = NameLexicon.START;
    for (int i = 0; i < tokens.size(); i++) {
      h = NameLexicon.phrase(h, Features.hash(Features.lowerDigits(Features.normalise(tokens.get(i).text()))));
      if (i + 1 < tokens.size()) {
        entries.putIfAbsent(key(h), 0);
      }
    }
    entries.merge(key(h), value, ExternalNames::merge);
  }

  /** Entries for every name of the GeoNames gazetteer. */
  public static Map<Long, Integer> places(PlaceIndex index) {
    Map<Long, Integer> out = new HashMap<>();
    index.forEachName((name, places) -> {
      for (GeoPlace p : places) {
        int kind = switch (p.kind()) {
          case COUNTRY -> COUNTRY;
          case REGION -> REGION;
          default -> CITY;
        };
        add(out, name, place(kind, p.population()));
      }
    });
    return out;
  }

  /**
   * Longest-first matches in a sentence: per token the packed value of the matched name (0 = none) in the low 28
   * bits and its BILU position above them, in the sentence's own order.
   */
  static int[] match(WordClusters table, String[] w, String[] lw, boolean reversed) {
    return NameLexicon.match(table, w, lw, reversed, null, ExternalNames::key);
  }

  /** Adds the feature rows of token {@code i} to {@code buf} from position {@code k}; returns the new end. */
  static int rows(Features f, int[] ext, int i, boolean cap, long shortShape, int[] buf, int k) {
    int n = ext.length;
    int v = ext[i] & 0x0fffffff;
    int pos = ext[i] >>> 28;
    int end = k;
    if (v != 0) {
      int instance = v & 0xf;
      int kind = (v >>> 9) & 3;
      if (instance != 0) {
        buf[end++] = f.row(FeatureTemplate.EXTERNAL_INSTANCE, instance, pos);
        buf[end++] = f.row(FeatureTemplate.EXTERNAL_INSTANCE_SHAPE, instance, shortShape);
      }
      if ((v & 0x1f0) != 0) {
        buf[end++] = f.row(FeatureTemplate.EXTERNAL_CLASS, (v >>> 4) & 0x1f, pos);
      }
      if (kind != 0) {
        buf[end++] = f.row(FeatureTemplate.EXTERNAL_PLACE, kind, (v >>> 11) & 7, pos);
      }
      int sources = (instance != 0 ? 1 : 0) | ((v & 0x1f0) != 0 ? 2 : 0) | (kind != 0 ? 4 : 0);
      buf[end++] = f.row(FeatureTemplate.EXTERNAL_SOURCES_CASE, sources, pos, cap ? 1 : 0);
    }
    if (i > 0 && (ext[i - 1] & 0x0fffffff) != 0) {
      buf[end++] = f.row(FeatureTemplate.EXTERNAL_PREV, summary(ext[i - 1]));
    }
    if (i + 1 < n && (ext[i + 1] & 0x0fffffff) != 0) {
      buf[end++] = f.row(FeatureTemplate.EXTERNAL_NEXT, summary(ext[i + 1]));
    }
    return end;
  }

  private static int summary(int packed) {
    int v = packed & 0x0fffffff;
    return (v & 0xf) | (((v >>> 9) & 3) != 0 ? 0x10 : 0) | ((v & 0x1f0) != 0 ? 0x20 : 0);
  }
}
