package org.newsflow.enrich.training.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.evaluation.entity.ConllCorpus;
import org.newsflow.enrich.evaluation.entity.NerEvaluation;
import org.newsflow.enrich.tagging.entity.EntityModel;
import org.newsflow.enrich.tagging.entity.Gazetteer;
import org.newsflow.enrich.tagging.entity.Span;
import org.newsflow.enrich.tagging.entity.WordClusters;
import org.junit.jupiter.api.io.TempDir;

/** Training, saving, loading and scoring on a tiny invented corpus. */
class EntityModelTrainerTest {

  private static final String[] NAMES = {"Anna Kovac", "Ravi Menon", "Lena Storm", "Tomas Brill"};
  private static final String[] ORGS = {"Zelnor Corp", "Brightwater Bank", "Orkan Group"};
  private static final String[] CITIES = {"Lisbon", "Nairobi", "Oslo", "Lima"};

  /** Writes invented CoNLL-format sentences: "NAME of ORG arrived in CITY on Monday ." */
  private static Path corpus(Path dir, String file, int sentences) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      String[] name = NAMES[i % NAMES.length].split(" ");
      String[] org = ORGS[i % ORGS.length].split(" ");
      sb.append(name[0]).append(" NNP B-NP B-PER\n").append(name[1]).append(" NNP I-NP I-PER\n");
      sb.append("of IN B-PP O\n");
      sb.append(org[0]).append(" NNP B-NP B-ORG\n").append(org[1]).append(" NNP I-NP I-ORG\n");
      sb.append("arrived VBD B-VP O\nin IN B-PP O\n");
      sb.append(CITIES[i % CITIES.length]).append(" NNP B-NP B-LOC\n");
      sb.append("on IN B-PP O\nMonday NNP B-NP O\n. . O O\n\n");
    }
    Path p = dir.resolve(file);
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void shouldLearnInventedCorpusAndSurviveSaveAndLoad(@TempDir Path dir) throws IOException {
    Path train = corpus(dir, "train.txt", 40);
    List<List<ConllCorpus.Sentence>> docs = ConllCorpus.documents(ConllCorpus.read(train));
    EntityModel model = new EntityModelTrainer(line -> { }).train(docs, docs, new EntityModelTrainer.Settings(4, 16, true, 1, true),
        WordClusters.EMPTY, Gazetteer.loadDefault());
    NerEvaluation.Result result = NerEvaluation.evaluate(model, docs);
    assertThat(result.overall().f1()).isGreaterThan(0.95);

    Path file = dir.resolve("model.bin");
    model.save(file);
    EntityModel loaded = EntityModel.load(file);
    assertThat(NerEvaluation.evaluate(loaded, docs).overall()).isEqualTo(result.overall());
    List<List<Span>> spans = loaded.tag(List.<String[]>of("Lena Storm of Orkan Group arrived in Oslo on Monday .".split(" ")));
    assertThat(spans.getFirst()).containsExactly(new Span(0, 2, "PER"), new Span(3, 5, "ORG"),
        new Span(7, 8, "LOC"));
  }

  @Test
  void shouldTrainWithNameLexiconAndKeepItThroughSaveAndLoad(@TempDir Path dir) throws IOException {
    Path train = corpus(dir, "train.txt", 40);
    List<List<ConllCorpus.Sentence>> docs = ConllCorpus.documents(ConllCorpus.read(train));
    EntityModel model = new EntityModelTrainer(line -> { }).train(docs, docs,
        new EntityModelTrainer.Settings(4, 16, true, 1, true, true), WordClusters.EMPTY, Gazetteer.loadDefault());
    NerEvaluation.Result result = NerEvaluation.evaluate(model, docs);
    assertThat(result.overall().f1()).isGreaterThan(0.95);
    Path file = dir.resolve("model.bin");
    model.save(file);
    assertThat(NerEvaluation.evaluate(EntityModel.load(file), docs).overall()).isEqualTo(result.overall());
  }

  @Test
  void shouldScoreStrictSpanMatchesPerType() {
    List<List<Span>> gold = List.of(List.of(new Span(0, 2, "PER"), new Span(3, 4, "LOC")),
        List.of(new Span(1, 3, "ORG")));
    List<List<Span>> pred = List.of(List.of(new Span(0, 2, "PER"), new Span(3, 4, "ORG")),
        List.of(new Span(1, 2, "ORG")));
    NerEvaluation.Result r = NerEvaluation.score(gold, pred);
    assertThat(r.perType().get("PER")).isEqualTo(new NerEvaluation.Score(1, 0, 0));
    assertThat(r.perType().get("LOC")).isEqualTo(new NerEvaluation.Score(0, 0, 1));
    assertThat(r.perType().get("ORG")).isEqualTo(new NerEvaluation.Score(0, 2, 1));
    assertThat(r.overall().precision()).isEqualTo(1.0 / 3);
    assertThat(r.overall().recall()).isEqualTo(1.0 / 3);
  }
}
