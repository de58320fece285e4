package org.newsflow.sink.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsflow.common.article.Article;
import org.newsflow.common.article.Entity;

/** Maps an article to its search document: the article JSON plus {@code places}, the coordinates of linked places. */
public final class ArticleDocuments {

  private final ObjectMapper mapper;

  /** With the article JSON conventions. */
  public ArticleDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The document for an article. */
  public ObjectNode toDocument(Article article) {
    ObjectNode doc = mapper.valueToTree(article);
    ArrayNode places = mapper.createArrayNode();
    for (Entity e : article.entities()) {
      if (e.lat() != null && e.lon() != null) {
        places.addObject().put("lat", e.lat()).put("lon", e.lon());
      }
    }
    if (!places.isEmpty()) {
      doc.set("places", places);
    }
    return doc;
  }

  /** The external version of an article: its revision time in epoch milliseconds (never the Kafka offset). */
  public static long version(Article article) {
    return article.revisionTime() == null ? 1 : Math.max(1, article.revisionTime().toEpochMilli());
  }
}
