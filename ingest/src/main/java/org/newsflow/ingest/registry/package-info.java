/**
 * The feed registry: feed definitions from feeds files, OPML and {@code newsflow feeds}, kept in the compacted feeds
 * topic and shared among ingest instances through a consumer group.
 */
package org.newsflow.ingest.registry;
