/** The feed registry: feed definitions read from a feeds file (YAML or one URL per line). */
package org.newsflow.ingest.registry;
