package org.newsflow.enrich.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.newsflow.common.article.Article;

/**
 * The value of the stories topic: one story and its newest member articles. Keyed by {@code storyId}; the topic
 * is compacted, so the latest value per story is its current state.
 *
 * @param storyId  the story id (the id of its first article)
 * @param started  event time of the first article, which also anchors the story's retention
 * @param updated  event time of the latest article added
 * @param size     number of distinct articles the story has had (may exceed {@code articles})
 * @param articles the newest members, at most {@link #MAX_MEMBERS}, oldest first
 */
public record Story(String storyId, Instant started, Instant updated, int size, List<Member> articles) {

  /** Members kept in one story value, so a huge story stays a small record. */
  public static final int MAX_MEMBERS = 100;

  /** Copies the member list. */
  public Story {
    articles = List.copyOf(articles);
  }

  /**
   * One article of a story.
   *
   * @param id          article id
   * @param title       title
   * @param url         canonical URL
   * @param feedTitle   title of the feed it came from
   * @param published   publication time
   * @param duplicateOf the article it is a near-copy of, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(String id, String title, String url, String feedTitle, Instant published, String duplicateOf) {

    /** The member entry of an article. */
    public static Member of(Article a) {
      return new Member(a.id(), a.title(), a.url(), a.feedTitle(), a.published(), a.duplicateOf());
    }
  }

  /** A new story with one article. */
  public static Story first(Article a, Instant time) {
    return new Story(a.storyId(), time, time, 1, List.of(Member.of(a)));
  }

  /** This story with an article added, or replaced in place when it is a revision of a member. */
  public Story with(Article a, Instant time) {
    List<Member> members = new ArrayList<>(articles);
    Member m = Member.of(a);
    boolean revision = members.removeIf(x -> x.id().equals(a.id()));
    members.add(m);
    while (members.size() > MAX_MEMBERS) {
      members.removeFirst();
    }
    Instant newest = updated.isAfter(time) ? updated : time;
    return new Story(storyId, started, newest, revision ? size : size + 1, members);
  }
}
