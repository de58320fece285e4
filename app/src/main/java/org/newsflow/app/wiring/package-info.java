/** Builds the services from validated configuration; shared by `up` and the stand-alone service commands. */
package org.newsflow.app.wiring;
