/**
 * The feed registry: feed definitions from feeds files, OPML and {@code newsflow feeds}, kept in the compacted feeds
 * topic and shared among ingest instances through a consumer group; and the two per-feed records beside it, the
 * health operators read ({@link org.newsflow.ingest.registry.FeedHealth}) and the poller's memory an instance
 * taking a feed over restores ({@link org.newsflow.ingest.registry.PollerState}).
 */
package org.newsflow.ingest.registry;
