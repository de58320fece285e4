/** Typed settings declared once (type, default, validation, description), loaded from a file and the environment. */
package org.newsflow.common.config;
