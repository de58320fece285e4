/** The web console and its JSON API, served on the admin port of `up` and of each service. */
package org.newsflow.app.console;
