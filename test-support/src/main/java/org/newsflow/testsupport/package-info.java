/** Fixtures shared by the tests of every module: waiting for a condition with a clear failure. */
package org.newsflow.testsupport;
