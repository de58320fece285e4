/** Entry point of the `newsflow` command line. */
package org.newsflow.app;
