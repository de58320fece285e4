package org.newsflow.enrich.tagging.entity;

import java.nio.charset.StandardCharsets;

/**
 * Every feature template of the entity model, in one place. A feature is the hash of its template and its values;
 * a template's hash seed comes from its name, so adding or removing a template is a one-line change here and never
 * shifts another template's rows (renaming one changes its rows: retrain after). Grouped as the model uses them:
 * static token features, tag history while decoding, first-stage labels for the stacked stage, the right-to-left
 * stage, and the training-data name lexicon.
 */
public enum FeatureTemplate {
  // ---- the token itself ----
  /** Always on: the label prior. */
  BIAS,
  /** Word as written. */
  WORD,
  /** Lower-case word, digits as 0. */
  LOWER,
  /** Full shape (Xxxx, dd-dd). */
  SHAPE,
  /** Collapsed shape (Xx, d-d). */
  SHORT_SHAPE,
  /** Prefix of length 1..4. */
  PREFIX,
  /** Suffix of length 1..4. */
  SUFFIX,
  /** Sentence-initial flag × collapsed shape. */
  FIRST_IN_SENTENCE_SHAPE,
  /** All-caps sentence (headline) flag × collapsed shape. */
  ALL_CAPS_SENTENCE_SHAPE,
  /** Length, capped at 8. */
  LENGTH,
  // ---- context window ±2 ----
  /** Previous lower-case word. */
  LOWER_PREV,
  /** Next lower-case word. */
  LOWER_NEXT,
  /** Lower-case word two back. */
  LOWER_PREV2,
  /** Lower-case word two ahead. */
  LOWER_NEXT2,
  /** Previous and current lower-case word. */
  LOWER_BIGRAM_PREV,
  /** Current and next lower-case word. */
  LOWER_BIGRAM_NEXT,
  /** Previous word's collapsed shape. */
  SHAPE_PREV,
  /** Next word's collapsed shape. */
  SHAPE_NEXT,
  /** Collapsed shapes of previous, current and next word. */
  SHAPE_TRIGRAM,
  /** Previous lower-case word × current collapsed shape. */
  LOWER_PREV_SHAPE,
  /** Current collapsed shape × next lower-case word. */
  SHAPE_LOWER_NEXT,
  /** The two previous lower-case words. */
  LOWER_PREV2_PREV,
  /** The two next lower-case words. */
  LOWER_NEXT_NEXT2,
  /** Previous and current word as written. */
  WORD_BIGRAM_PREV,
  // ---- word clusters ----
  /** Previous word's cluster at one of three granularities. */
  CLUSTER_PREV,
  /** The word's cluster at one of three granularities. */
  CLUSTER,
  /** Next word's cluster at one of three granularities. */
  CLUSTER_NEXT,
  /** Fine cluster × collapsed shape. */
  CLUSTER_SHAPE,
  /** Mid-level cluster of the word two back or two ahead. */
  CLUSTER_MID_PLUS_MINUS_2,
  /** Mid-level clusters of the previous and current word. */
  CLUSTER_MID_BIGRAM,
  /** Capitalisation prior × own case × sentence-initial/headline. */
  CAP_PRIOR_CASE,
  /** Capitalisation prior × collapsed shape. */
  CAP_PRIOR_SHAPE,
  // ---- hand-written gazetteers ----
  /** A word-list flag of the previous word. */
  GAZ_FLAG_PREV,
  /** A word-list flag of the word. */
  GAZ_FLAG,
  /** A word-list flag of the next word. */
  GAZ_FLAG_NEXT,
  /** A word-list flag of the word × own case. */
  GAZ_FLAG_CASE,
  /** A title two tokens back with a capitalised word between. */
  TITLE_TWO_BACK,
  /** Phrase-list flag × BILU position. */
  PHRASE,
  /** Phrase-list flag × BILU position × own case. */
  PHRASE_CASE,
  // ---- document-level case evidence ----
  /** How the word is written elsewhere in the document × own case × sentence-initial. */
  DOC_CASE,
  /** How the word is written elsewhere × collapsed shape. */
  DOC_CASE_SHAPE,
  // ---- the training-data name lexicon ----
  /** Majority type of the matched name × BILU position × dominance. */
  LEXICON_POSITION,
  /** Set of types the matched name has had × position. */
  LEXICON_TYPES,
  /** Majority type × dominance × frequency. */
  LEXICON_FREQUENCY,
  /** Majority type × collapsed shape. */
  LEXICON_SHAPE,
  /** Majority type and dominance of the previous token's match. */
  LEXICON_PREV,
  /** Majority type and dominance of the next token's match. */
  LEXICON_NEXT,
  /** Majority type of the multi-token names containing the word. */
  LEXICON_TOKEN,
  // ---- tag history, added while decoding ----
  /** Previous label. */
  HISTORY_PREV,
  /** Previous two labels. */
  HISTORY_PREV2,
  /** Previous label × lower-case word. */
  HISTORY_PREV_LOWER,
  /** Previous label × collapsed shape. */
  HISTORY_PREV_SHAPE,
  /** A type given to the same capitalised word earlier in the document. */
  HISTORY_SEEN_TYPE,
  /** The type most given to it × collapsed shape. */
  HISTORY_SEEN_MAJORITY,
  // ---- stacked stage: first-stage labels ----
  /** The first stage's label. */
  STAGE1_LABEL,
  /** First-stage labels of previous and current token. */
  STAGE1_BIGRAM_PREV,
  /** First-stage labels of current and next token. */
  STAGE1_BIGRAM_NEXT,
  /** First-stage label × collapsed shape. */
  STAGE1_LABEL_SHAPE,
  /** A type the first stage gave the same word in the document. */
  STAGE1_DOC_TYPE,
  /** That word's majority type × own first-stage label. */
  STAGE1_DOC_MAJORITY,
  /** Majority type of multi-token names containing the word. */
  STAGE1_DOC_INSIDE,
  /** Majority type given to the same name string in the document. */
  STAGE1_DOC_NAME,
  // ---- stacked stage: the right-to-left stage ----
  /** Right-to-left label. */
  REVERSE_LABEL,
  /** Right-to-left labels of previous and current token. */
  REVERSE_BIGRAM_PREV,
  /** Right-to-left labels of current and next token. */
  REVERSE_BIGRAM_NEXT,
  /** Both directions' labels. */
  REVERSE_AGREEMENT,
  /** Document votes of both directions: majority × dominance × count. */
  REVERSE_VOTES,
  /** Majority of the votes × both labels. */
  REVERSE_VOTES_LABELS,
  // ---- names from open knowledge sources (WordNet, GeoNames), see ExternalNames ----
  /** WordNet instance types of the matched name × BILOU position. */
  EXTERNAL_INSTANCE,
  /** Types of capitalised WordNet class nouns (Democrat, Christian) and adjectives × position. */
  EXTERNAL_CLASS,
  /** GeoNames kind × population bucket × position. */
  EXTERNAL_PLACE,
  /** Which sources matched × position × own case. */
  EXTERNAL_SOURCES_CASE,
  /** WordNet instance types × collapsed shape. */
  EXTERNAL_INSTANCE_SHAPE,
  /** Previous token's match summary. */
  EXTERNAL_PREV,
  /** Next token's match summary. */
  EXTERNAL_NEXT;

  private final long seed;

  FeatureTemplate() {
    byte[] name = name().getBytes(StandardCharsets.US_ASCII);
    long h = 0xcbf29ce484222325L;
    for (byte b : name) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    this.seed = h;
  }

  /** The template's hash seed, from its name. */
  long seed() {
    return seed;
  }
}
