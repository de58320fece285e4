package org.newsflow.app.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given number of characters, without ever holding more than that: the rest of a longer
 * line is read and dropped, and the line is reported as oversized with its length, so one huge line costs time but
 * no memory and the lines after it are still read. Line ends are {@code \n}, {@code \r\n} and {@code \r}, as for
 * {@link java.io.BufferedReader#readLine()}. Not thread-safe.
 */
public final class BoundedLineReader {

  /**
   * One line.
   *
   * @param number the line's number, from 1
   * @param text   the line without its end, null when it was longer than the limit
   * @param length the line's length in characters (counted even when it was dropped)
   */
  public record Line(long number, String text, long length) {

    /** Whether the line was longer than the limit and dropped. */
    public boolean oversized() {
      return text == null;
    }
  }

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int end;
  private long number;
  private boolean afterCr;

  /**
   * @param in       the characters to read (not buffered here beyond one block)
   * @param maxChars the longest line kept
   */
  public BoundedLineReader(Reader in, int maxChars) {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must not be negative: " + maxChars);
    }
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the input. */
  public Line next() throws IOException {
    line.setLength(0);
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return any ? finish(length) : null;
        }
      }
      if (afterCr) {
        afterCr = false;
        if (buf[pos] == '\n') {
          pos++; // the \n of a \r\n
          continue;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      int n = pos - start;
      if (length + n <= maxChars) {
        line.append(buf, start, n);
      } else if (length <= maxChars) {
        line.setLength(0); // over the limit: keep nothing more of this line
      }
      length += n;
      if (pos < end) {
        afterCr = buf[pos] == '\r';
        pos++;
        return finish(length);
      }
    }
  }

  private Line finish(long length) {
    number++;
    return new Line(number, length > maxChars ? null : line.toString(), length);
  }
}
