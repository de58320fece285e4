package org.newsflow.enrich.training.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.enrich.tagging.entity.ExternalNames;

/** Reading names and their types from WordNet database files (invented lines in WordNet's format). */
class WordNetNamesTest {

  @Test
  void shouldTypeInstancesClassNounsAndAdjectivesByTheirLexicographerFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("data.noun"), String.join("\n",
        "  1 This is a licence header line",
        "00000001 18 n 02 Zorba_Quill 0 Quill 0 001 @i 00000009 n 0000 | an invented person",
        "00000002 14 n 01 Blue_Lantern_Society 0 001 @i 00000009 n 0000 | an invented organisation",
        "00000003 18 n 01 Zorbanian 0 001 @ 00000009 n 0000 | an inhabitant of an invented place",
        "00000004 15 n 01 meadow 0 001 @ 00000009 n 0000 | lower-case: not a name",
        ""));
    Files.writeString(dir.resolve("data.adj"), String.join("\n",
        "00000005 00 a 01 Zorbanian(a) 0 000 | of an invented place",
        ""));

    Map<Long, Integer> read = WordNetNames.read(dir);

    Map<Long, Integer> expected = new HashMap<>();
    ExternalNames.add(expected, "Zorba Quill", ExternalNames.instance(0));
    ExternalNames.add(expected, "Quill", ExternalNames.instance(0));
    ExternalNames.add(expected, "Blue Lantern Society", ExternalNames.instance(1));
    ExternalNames.add(expected, "Zorbanian", ExternalNames.classNoun(0));
    ExternalNames.add(expected, "Zorbanian", ExternalNames.adjective());
    assertThat(read).isEqualTo(expected);
  }
}
