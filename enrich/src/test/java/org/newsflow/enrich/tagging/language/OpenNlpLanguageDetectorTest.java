package org.newsflow.enrich.tagging.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsflow.enrich.tagging.LanguageDetector;

class OpenNlpLanguageDetectorTest {

  private static final OpenNlpLanguageDetector DETECTOR = OpenNlpLanguageDetector.loadDefault();

  private static final String[][] SENTENCES = {
      {"en", "The government announced new measures to support the economy on Tuesday."},
      {"fr", "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir l'économie."},
      {"de", "Die Regierung hat am Dienstag neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt."},
      {"es", "El gobierno anunció el martes nuevas medidas para apoyar la economía."},
      {"it", "Il governo ha annunciato martedì nuove misure a sostegno dell'economia."},
      {"pt", "O governo anunciou na terça-feira novas medidas para apoiar a economia."},
      {"nl", "De regering heeft dinsdag nieuwe maatregelen aangekondigd om de economie te steunen."},
      {"ru", "Правительство во вторник объявило о новых мерах поддержки экономики."},
      {"ar", "الحكومة أعلنت يوم الثلاثاء عن إجراءات جديدة لدعم الاقتصاد"},
      {"zh", "政府周二宣布了支持经济的新措施。政府表示，这些措施将帮助小企业。"},
      {"ja", "政府は火曜日、経済を支援する新たな措置を発表した。"},
  };

  @Test
  void shouldAnswerIso6391CodesForNewsSentences() {
    for (String[] s : SENTENCES) {
      assertThat(DETECTOR.detect(s[1])).as(s[1]).isEqualTo(s[0]);
    }
  }

  @Test
  void shouldAnswerUnknownForEmptyShortOrGarbageText() {
    assertThat(DETECTOR.detect(null)).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("")).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("   \n\t ")).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("hello")).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("12345 67890 !!! ??? 3.14 -- ++ 2024-03-14")).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("asdkjh qwpoeiru zxmcnvb lkjhasdf")).isEqualTo(LanguageDetector.UNKNOWN);
    assertThat(DETECTOR.detect("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 \u0000\u0001\uFFFF \uD800"))
        .isEqualTo(LanguageDetector.UNKNOWN);
  }

  @Test
  void shouldReadOnlyTheStartOfHugeText() {
    String huge = "The minister said the talks would continue next week. ".repeat(20_000);
    assertThat(DETECTOR.detect(huge)).isEqualTo("en");
  }

  @Test
  void shouldGiveTheSameAnswersFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int round = 0; round < 5; round++) {
            for (String[] s : SENTENCES) {
              if (!DETECTOR.detect(s[1]).equals(s[0])) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
