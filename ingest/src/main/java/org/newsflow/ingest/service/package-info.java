/** The ingest service: schedules polls of every feed and runs fetch, parse, normalise and publish. */
package org.newsflow.ingest.service;
