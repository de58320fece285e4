package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.text.Token;
import org.newsflow.enrich.tagging.text.Tokenizer;

/** Organisation names headed by a designator noun, whatever span and type the model gave them. */
class OrganisationHeadsTest {

  private static OrganisationHeads heads;

  @BeforeAll
  static void load() {
    Gazetteer gaz = Gazetteer.loadDefault();
    PlaceLinker linker = new PlaceLinker(gaz, PlaceIndex.loadDefault());
    heads = new OrganisationHeads(gaz, name -> !linker.candidates(name, true).isEmpty());
  }

  /**
   * Applies the rule to a sentence whose model spans are marked [TYPE words] and returns the result marked the
   * same way.
   */
  private static String apply(String marked) {
    List<String> words = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    String[] parts = marked.split(" ");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("[")) {
        String type = parts[i].substring(1);
        int start = words.size();
        while (!parts[++i].endsWith("]")) {
          words.add(parts[i]);
        }
        words.add(parts[i].substring(0, parts[i].length() - 1));
        spans.add(new Span(start, words.size(), type));
      } else {
        words.add(parts[i]);
      }
    }
    List<Token> tokens = new Tokenizer().tokenize(String.join(" ", words));
    assertThat(tokens).hasSize(words.size());
    List<Span> out = heads.apply(words.toArray(String[]::new), spans);
    StringBuilder sb = new StringBuilder();
    int k = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (k < out.size() && out.get(k).start() == i) {
        sb.append(sb.isEmpty() ? "" : " ").append('[').append(out.get(k).type());
      }
      sb.append(' ').append(tokens.get(i).text());
      if (k < out.size() && out.get(k).end() == i + 1) {
        sb.append(']');
        k++;
      }
    }
    return sb.toString().strip();
  }

  @Test
  void shouldRestoreANameTheModelTaggedOnlyInPart() {
    assertThat(apply("The Centers for Disease [ORG Control] and Prevention said on Tuesday"))
        .isEqualTo("The [ORG Centers for Disease Control and Prevention] said on Tuesday");
  }

  @Test
  void shouldRetypeNamesEndingWithADesignator() {
    assertThat(apply("from the [MISC Bill & Melinda Gates Foundation] last year"))
        .isEqualTo("from the [ORG Bill & Melinda Gates Foundation] last year");
    assertThat(apply("[PER Meta Platforms] said")).isEqualTo("[ORG Meta Platforms] said");
    assertThat(apply("Representatives of the [MISC World Health Organization] arrived"))
        .isEqualTo("Representatives of the [ORG World Health Organization] arrived");
    assertThat(apply("a grant from the [PER Ford Foundation] ."))
        .isEqualTo("a grant from the [ORG Ford Foundation] .");
  }

  @Test
  void shouldSplitTwoDesignatorHeadedNamesJoinedByAndThe() {
    assertThat(apply("The [ORG Department of Homeland Security and the National Institutes of Health] sent"))
        .isEqualTo("The [ORG Department of Homeland Security] and the [ORG National Institutes of Health] sent");
  }

  @Test
  void shouldKeepAndInsideOneNameWhenOneSideHasNoDesignator() {
    assertThat(apply("the [ORG Department of Health and Human Services] said"))
        .isEqualTo("the [ORG Department of Health and Human Services] said");
    assertThat(apply("the [MISC Harry Potter and the Deathly Hallows] film"))
        .isEqualTo("the [MISC Harry Potter and the Deathly Hallows] film");
  }

  @Test
  void shouldMakeAPersonWithoutFirstNameBesideAnOrganisationAnOrganisation() {
    assertThat(apply("between [PER Exxon Mobil] and [ORG Pioneer Natural Resources] closed"))
        .isEqualTo("between [ORG Exxon Mobil] and [ORG Pioneer Natural Resources] closed");
    assertThat(apply("between [PER Joe Biden] and [ORG Pioneer Natural Resources] ."))
        .isEqualTo("between [PER Joe Biden] and [ORG Pioneer Natural Resources] .");
  }

  @Test
  void shouldLeavePlacesEventsAndPeopleWhoseLastWordIsNoDesignator() {
    assertThat(apply("a gallery on [LOC Bank Street] in [LOC Ottawa]"))
        .isEqualTo("a gallery on [LOC Bank Street] in [LOC Ottawa]");
    assertThat(apply("the [MISC World Cup] final")).isEqualTo("the [MISC World Cup] final");
    assertThat(apply("across the [LOC Pacific Ocean] toward")).isEqualTo("across the [LOC Pacific Ocean] toward");
    assertThat(apply("actor [PER Harrison Ford] attended")).isEqualTo("actor [PER Harrison Ford] attended");
    assertThat(apply("[ORG Arsenal] beat [ORG Chelsea] and [ORG Apple] rose"))
        .isEqualTo("[ORG Arsenal] beat [ORG Chelsea] and [ORG Apple] rose");
  }

  @Test
  void shouldLeaveKnownPlacesAndPeopleNamedWithADesignatorWord() {
    assertThat(apply("troops in the [LOC West Bank] .")).isEqualTo("troops in the [LOC West Bank] .");
    assertThat(apply("the [LOC Russian Federation] said")).isEqualTo("the [LOC Russian Federation] said");
    assertThat(apply("the former [LOC Soviet Union] .")).isEqualTo("the former [LOC Soviet Union] .");
    assertThat(apply("tennis player [PER Margaret Court] said"))
        .isEqualTo("tennis player [PER Margaret Court] said");
  }

  @Test
  void shouldNotAbsorbWordsBeforeAJoinerOrAnArticle() {
    assertThat(apply("Shares of Bank of [LOC America] fell")).isEqualTo("Shares of [ORG Bank of America] fell");
    assertThat(apply("Officials of the Bank of [LOC England] said"))
        .isEqualTo("Officials of the [ORG Bank of England] said");
  }

  @Test
  void shouldNotRunSentenceOpeningWordsIntoAName() {
    assertThat(apply("Five Bank of [LOC America] subsidiaries agreed"))
        .isEqualTo("Five [ORG Bank of America] subsidiaries agreed");
    assertThat(apply("But Home [ORG Office] minister Hazel Blears said"))
        .isEqualTo("But [ORG Home Office] minister Hazel Blears said");
  }

  @Test
  void shouldNotTakeAnAppositionForAList() {
    assertThat(apply("the [ORG Conservative Party] , [PER Liam Fox] , said"))
        .isEqualTo("the [ORG Conservative Party] , [PER Liam Fox] , said");
  }

  @Test
  void shouldKeepADemonymApartFromTheOrganisationAfterIt() {
    assertThat(apply("the [MISC German] Foreign Ministry said"))
        .isEqualTo("the [MISC German] [ORG Foreign Ministry] said");
    assertThat(apply("a [MISC German] Bank said")).isEqualTo("a [MISC German] Bank said");
  }

  @Test
  void shouldRestoreADesignatorMentionBoundsCutOff() {
    assertThat(apply("[ORG BP] plc named a new chief")).isEqualTo("[ORG BP plc] named a new chief");
  }

  @Test
  void shouldIgnoreAllCapsHeadlines() {
    assertThat(apply("[ORG BANK] OF ENGLAND RAISES RATES")).isEqualTo("[ORG BANK] OF ENGLAND RAISES RATES");
    assertThat(apply("[LOC ENGLAND] BANK SAYS")).isEqualTo("[LOC ENGLAND] BANK SAYS");
  }
}
