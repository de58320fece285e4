package org.newsflow.enrich.training.topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsflow.enrich.tagging.topic.TextFeaturizer;

/**
 * Builds a {@link DistilledTable} file (`evaluate topics --word-vectors minilm` reads it): every word used at least
 * three times in the three corpora or in the IPTC vocabulary, and every whole word of the model's own WordPiece
 * vocabulary (two letters or more; marked general, kept by the run-time model even where no training text uses it),
 * embedded on its own by all-MiniLM-L6-v2 (quantised, ONNX Runtime, test scope only), the 384
 * dimensions centred and reduced to the top principal components, each row normalised. A word's surface forms that
 * the featurizer folds into one token (missile, missiles) take the most frequent form's vector. A plain main; about
 * 3 ms of CPU per word.
 *
 * <pre>
 * java -Xmx4g -cp "$CP" org.newsflow.enrich.training.topic.MiniLmWordTable ../shared/data \
 *     enrich/target/minilm-word-vectors.bin.gz 192
 * </pre>
 *
 * <p>An optional fourth argument embeds each word inside a template ({@code "news about %s"}) instead of on its own;
 * measured and not shipped (BENCHMARKS.md, "192 dimensions of the distilled vectors").
 */
public final class MiniLmWordTable {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int MIN_COUNT = 3;
  private static final Pattern WHOLE_WORD = Pattern.compile("[a-z]{2,}");

  private MiniLmWordTable() {
  }

  /**
   * @return the whole words (lower-case letters, two or more) of all-MiniLM-L6-v2's WordPiece vocabulary, read from
   *     the tokenizer description inside the model's jar: English words known independently of our corpora
   */
  static List<String> modelWords() throws IOException {
    try (InputStream in = MiniLmWordTable.class.getClassLoader()
        .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      if (in == null) {
        throw new IOException("all-minilm-l6-v2-q-tokenizer.json is not on the classpath (Maven profile minilm)");
      }
      List<String> words = new ArrayList<>();
      new ObjectMapper().readTree(in).path("model").path("vocab").fieldNames().forEachRemaining(w -> {
        if (WHOLE_WORD.matcher(w).matches()) {
          words.add(w);
        }
      });
      return words;
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int dim = Integer.parseInt(args[2]);
    String template = args.length > 3 ? args[3] : "%s";
    Corpora corpora = Corpora.read(data.resolve("topics/bbc"),
        data.resolve("topics/huffpost/news-category-2018-2022.jsonl"), data.resolve("text/reuters21578.jsonl"),
        SourceMapping.loadDefault());
    IptcVocabulary vocabulary = IptcVocabulary.read(data.resolve("topics/iptc-mediatopics.json"));
    List<String> texts = new ArrayList<>(corpora.unlabeled().stream().map(Corpora.Unlabeled::text).toList());
    vocabulary.concepts().forEach(c -> texts.add(c.label() + " " + c.definition()));
    Map<String, Integer> surface = new HashMap<>();
    for (String t : texts) {
      for (String w : NON_WORD.split(t.toLowerCase(Locale.ROOT))) {
        if (!w.isEmpty()) {
          surface.merge(w, 1, Integer::sum);
        }
      }
    }
    TextFeaturizer featurizer = new TextFeaturizer(17, 14);
    Map<Long, String> form = new HashMap<>();
    Map<Long, Integer> formCount = new HashMap<>();
    Map<Long, Integer> tokenCount = new HashMap<>();
    surface.forEach((w, n) -> {
      long[] h = featurizer.tokenHashes(w);
      if (h.length == 1) {
        tokenCount.merge(h[0], n, Integer::sum);
        if (n > formCount.getOrDefault(h[0], 0) || n.equals(formCount.get(h[0])) && w.compareTo(form.get(h[0])) < 0) {
          form.put(h[0], w);
          formCount.put(h[0], n);
        }
      }
    });
    Set<Long> general = new HashSet<>();
    for (String w : modelWords()) {
      long[] h = featurizer.tokenHashes(w);
      if (h.length == 1 && general.add(h[0]) && !form.containsKey(h[0])) {
        form.put(h[0], w);
      }
    }
    List<Long> keys = form.keySet().stream()
        .filter(k -> tokenCount.getOrDefault(k, 0) >= MIN_COUNT || general.contains(k)).sorted().toList();
    System.err.printf(Locale.ROOT, "%d general words (the model's own vocabulary), %d of them in no corpus%n",
        general.size(), general.stream().filter(k -> tokenCount.getOrDefault(k, 0) < MIN_COUNT).count());
    System.err.printf(Locale.ROOT, "%d words to embed%n", keys.size());
    EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    int full = 384;
    float[][] raw = new float[keys.size()][];
    long t0 = System.nanoTime();
    for (int i = 0; i < raw.length; i++) {
      raw[i] = model.embed(String.format(Locale.ROOT, template, form.get(keys.get(i)))).content().vector();
      if ((i + 1) % 5000 == 0) {
        System.err.printf(Locale.ROOT, "embedded %d (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
      }
    }
    double[] mean = new double[full];
    for (float[] v : raw) {
      for (int d = 0; d < full; d++) {
        mean[d] += v[d] / raw.length;
      }
    }
    double[][] cov = new double[full][full];
    double[] c = new double[full];
    for (float[] v : raw) {
      for (int d = 0; d < full; d++) {
        c[d] = v[d] - mean[d];
      }
      for (int a = 0; a < full; a++) {
        for (int b = a; b < full; b++) {
          cov[a][b] += c[a] * c[b];
        }
      }
    }
    for (int a = 0; a < full; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    double[][] vectors = new double[full][full];
    double[] eig = EmbeddingBuilder.jacobi(cov, vectors);
    Integer[] order = new Integer[full];
    for (int i = 0; i < full; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(eig[b], eig[a]));
    float[] table = new float[keys.size() * dim];
    long[] k = new long[keys.size()];
    boolean[] isGeneral = new boolean[keys.size()];
    for (int i = 0; i < raw.length; i++) {
      k[i] = keys.get(i);
      isGeneral[i] = general.contains(k[i]);
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        double s = 0;
        for (int d = 0; d < full; d++) {
          s += (raw[i][d] - mean[d]) * vectors[d][order[j]];
        }
        table[i * dim + j] = (float) s;
        norm += s * s;
      }
      for (int j = 0; j < dim; j++) {
        table[i * dim + j] /= (float) Math.sqrt(Math.max(norm, 1e-12));
      }
    }
    try (OutputStream o = Files.newOutputStream(out)) {
      new DistilledTable(k, table, dim, isGeneral).write(o);
    }
    System.err.printf(Locale.ROOT, "wrote %s: %d words x %d (%d bytes)%n", out, k.length, dim, Files.size(out));
  }
}
