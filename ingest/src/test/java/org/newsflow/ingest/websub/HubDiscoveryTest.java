package org.newsflow.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.parse.FeedLink;

class HubDiscoveryTest {

  private static final URI FETCHED = URI.create("https://news.example.org/feed.xml");

  @Test
  void shouldPreferTheLinkHeaderToTheDocument() {
    var found = HubDiscovery.discover(
        List.of("<https://hub.example.net/>; rel=\"hub\", <https://news.example.org/canonical.xml>; rel=\"self\""),
        List.of(new FeedLink("hub", null, "https://other-hub.example/", null)), FETCHED);
    assertThat(found).contains(new HubEndpoints(URI.create("https://hub.example.net/"),
        URI.create("https://news.example.org/canonical.xml")));
  }

  @Test
  void shouldReadTheDocumentsLinksResolvedAgainstTheFetchedUrl() {
    var found = HubDiscovery.discover(List.of(),
        List.of(new FeedLink("alternate", null, "/", null), new FeedLink("self", null, "/feed.atom", null),
            new FeedLink("hub", null, "https://pubsubhubbub.example/", null)), FETCHED);
    assertThat(found).contains(new HubEndpoints(URI.create("https://pubsubhubbub.example/"),
        URI.create("https://news.example.org/feed.atom")));
  }

  @Test
  void shouldUseTheFetchedUrlAsTopicWithoutASelfLinkAndIgnoreNonHttpHubs() {
    assertThat(HubDiscovery.discover(List.of("<https://hub.example.net/>; rel=hub"), List.of(), FETCHED))
        .contains(new HubEndpoints(URI.create("https://hub.example.net/"), FETCHED));
    assertThat(HubDiscovery.discover(List.of("<ftp://hub.example.net/>; rel=hub"),
        List.of(new FeedLink("hub", null, "javascript:alert(1)", null)), FETCHED)).isEmpty();
    assertThat(HubDiscovery.discover(List.of(), List.of(), FETCHED)).isEmpty();
  }

  @Test
  void shouldParseSeveralRelationsQuotedCommasAndBoundHostileHeaders() {
    List<FeedLink> links = HubDiscovery.parseLinkHeader(
        "<https://a.example/>; title=\"x, y\"; rel=\"hub other\", <https://b.example/f>; rel=self");
    assertThat(links).extracting(FeedLink::href).containsExactly("https://a.example/", "https://b.example/f");
    assertThat(links).extracting(FeedLink::rel).containsExactly("hub other", "self");
    assertThat(HubDiscovery.parseLinkHeader("<x>;rel=hub,".repeat(10_000))).isEmpty();
    assertThat(HubDiscovery.parseLinkHeader("<x>;rel=hub,".repeat(500))).hasSize(64);
  }
}
