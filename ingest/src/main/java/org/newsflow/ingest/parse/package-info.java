/** Parsing feed documents (RSS, RDF, Atom through Rome; JSON Feed) into neutral entries. */
package org.newsflow.ingest.parse;
