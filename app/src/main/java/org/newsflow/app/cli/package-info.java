/** The `newsflow` command line: one class per subcommand. */
package org.newsflow.app.cli;
