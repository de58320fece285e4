/** The small service runtime shared by ingest, enrich and sink: lifecycle, readiness and clean shutdown. */
package org.newsflow.common.runtime;
