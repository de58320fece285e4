/** Main-text extraction from article pages: pure logic from a page's HTML and URL to its text and metadata. */
package org.newsflow.ingest.extract;
