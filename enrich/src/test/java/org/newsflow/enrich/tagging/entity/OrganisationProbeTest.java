package org.newsflow.enrich.tagging.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.Entity;
import org.newsflow.common.article.EntityType;
import org.newsflow.common.article.Mention;
import org.newsflow.enrich.tagging.text.Token;
import org.newsflow.enrich.tagging.text.Tokenizer;

/**
 * The designator-headed organisations of our invented modern-news probe (src/test/resources/entities/
 * organisations-probe.txt, names marked [TYPE words]): the whole tagger must find nearly all of them whole and as
 * organisations. The full per-type score of the probe is `evaluate entities` on it (docs/entities.md).
 */
class OrganisationProbeTest {

  private static final Pattern NAME = Pattern.compile("\\[(PER|ORG|LOC|MISC) ([^\\]]+)\\]");

  @Test
  void shouldFindDesignatorHeadedOrganisationsOfTheProbeWholeAndAsOrganisations() throws IOException {
    PerceptronEntityTagger tagger = new PerceptronEntityTagger(EntityModel.loadDefault());
    Tokenizer tokenizer = new Tokenizer();
    int gold = 0;
    int found = 0;
    List<String> missed = new ArrayList<>();
    for (List<String> article : articles()) {
      StringBuilder text = new StringBuilder();
      List<String> orgs = new ArrayList<>();
      for (String line : article) {
        Matcher m = NAME.matcher(line);
        while (m.find()) {
          String[] words = tokenizer.tokenize(m.group(2)).stream().map(Token::text).toArray(String[]::new);
          if (m.group(1).equals("ORG") && OrganisationHeads.headed(words, 0, words.length)) {
            orgs.add(m.group(2));
          }
        }
        text.append(text.isEmpty() ? "" : "\n").append(NAME.matcher(line).replaceAll("$2"));
      }
      Set<String> tagged = new HashSet<>();
      for (Entity e : tagger.tag("", text.toString())) {
        if (e.type() == EntityType.ORGANIZATION) {
          e.mentions().stream().map(Mention::text).forEach(tagged::add);
        }
      }
      for (String org : orgs) {
        gold++;
        if (tagged.contains(org)) {
          found++;
        } else {
          missed.add(org);
        }
      }
    }
    assertThat(gold).isGreaterThanOrEqualTo(50);
    assertThat(found).as("missed: %s", missed).isGreaterThanOrEqualTo(gold * 9 / 10);
  }

  private static List<List<String>> articles() throws IOException {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        OrganisationProbeTest.class.getResourceAsStream("/entities/organisations-probe.txt"),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.isBlank()) {
          if (!current.isEmpty()) {
            out.add(current);
            current = new ArrayList<>();
          }
        } else {
          current.add(line);
        }
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
