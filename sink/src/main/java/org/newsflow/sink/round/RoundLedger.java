package org.newsflow.sink.round;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rounds not yet committed, oldest first. A round is handed back for its commit only once it and every
 * earlier round are done, so offsets never move past a record that is not written.
 */
public final class RoundLedger {

  private final Deque<Round> rounds = new ArrayDeque<>();

  /** Adds the newest round. */
  public void add(Round round) {
    rounds.add(round);
  }

  /** Whether no round is waiting for its commit. */
  public boolean isEmpty() {
    return rounds.isEmpty();
  }

  /** Removes and returns, oldest first, the done rounds that no unfinished round precedes. */
  public List<Round> takeCompleted() {
    List<Round> out = new ArrayList<>();
    while (!rounds.isEmpty() && rounds.peek().done()) {
      out.add(rounds.poll());
    }
    return out;
  }

  /** Removes, marks abandoned and returns every round, oldest first: none of them will be committed. */
  public List<Round> abandonAll() {
    List<Round> out = new ArrayList<>(rounds);
    rounds.clear();
    out.forEach(Round::abandon);
    return out;
  }
}
