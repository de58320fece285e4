package org.newsflow.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.common.article.ArticleJson;

class FeedRecordsTest {

  private final ObjectMapper mapper = ArticleJson.newMapper();

  /** A feed-status record as written before health and memory were split. */
  private static final String LEGACY_STATUS = """
      {"feedId":"f1","url":"https://e.org/moved","lastAttempt":"2026-11-30T10:00:00Z","httpStatus":304,
       "itemsSeen":0,"itemsNew":0,"consecutiveFailures":2,"nextPoll":"2026-11-30T10:05:00Z","etag":"\\"v7\\"",
       "lastModified":"Mon, 30 Nov 2026 09:00:00 GMT","intervalSeconds":600,"hintSeconds":3600,
       "seen":["a1:0123456789abcdef","a2:fedcba9876543210"],"pages":{"fetched":3,"refused":1,"failed":0,"pending":0}}
      """;

  @Test
  void shouldReadAStatusWrittenBeforeTheSplitAsThePollersMemory() {
    Map<String, byte[]> latest = Map.of("f1", LEGACY_STATUS.getBytes(StandardCharsets.UTF_8));
    PollerState s = FeedRecords.decode(latest, PollerState.class, mapper, (id, why) -> { }).get("f1");
    assertThat(s.url()).isEqualTo("https://e.org/moved");
    assertThat(s.etag()).isEqualTo("\"v7\"");
    assertThat(s.lastModified()).isEqualTo("Mon, 30 Nov 2026 09:00:00 GMT");
    assertThat(s.consecutiveFailures()).isEqualTo(2);
    assertThat(s.intervalSeconds()).isEqualTo(600L);
    assertThat(s.hintSeconds()).isEqualTo(3600L);
    assertThat(s.seen()).containsExactly("a1:0123456789abcdef", "a2:fedcba9876543210");
    assertThat(s.pages()).isEqualTo(new PageCounts(3, 1, 0, 0));
    FeedHealth h = FeedRecords.decode(latest, FeedHealth.class, mapper, (id, why) -> { }).get("f1");
    assertThat(h.nextPoll()).isEqualTo(Instant.parse("2026-11-30T10:05:00Z"));
  }

  @Test
  void shouldKeepTheHealthRecordFreeOfThePollersMemory() throws Exception {
    FeedHealth h = new FeedHealth("f1", "https://e.org/f", Instant.EPOCH, 304, 0, 0, 0, Instant.EPOCH, null, null, null);
    List<String> fields = new ArrayList<>();
    mapper.readTree(mapper.writeValueAsBytes(h)).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("feedId", "url", "lastAttempt", "httpStatus", "itemsSeen",
        "itemsNew", "consecutiveFailures", "nextPoll");
  }

  @Test
  void shouldRoundTripAPollerStateAndReportAnUnreadableRecord() throws Exception {
    PollerState s = new PollerState("f1", "https://e.org/f", "\"e\"", null, 0, 300L, null, List.of("a:1"), null);
    Map<String, byte[]> latest = new LinkedHashMap<>();
    latest.put("f1", mapper.writeValueAsBytes(s));
    latest.put("f2", "not json".getBytes(StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>();
    Map<String, PollerState> out = FeedRecords.decode(latest, PollerState.class, mapper, (id, why) -> problems.add(id));
    assertThat(out).containsOnlyKeys("f1");
    assertThat(out.get("f1")).isEqualTo(s);
    assertThat(problems).containsExactly("f2");
  }
}
