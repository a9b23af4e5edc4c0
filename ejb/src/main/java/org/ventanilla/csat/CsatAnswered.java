package org.ventanilla.csat;

import java.time.Instant;

/**
 * A CDI event, fired in the answer's transaction: the customer scored a ticket 1 to 5. Rules (a low
 * score reopens, notifies) observe it.
 */
public record CsatAnswered(long ticketId, int score, String comment, Instant at) {

  /** The highest score a rule's "low score" condition takes by default. */
  public static final int LOW = 2;

  /** A "low score" for a rule: 1 or 2 of 5 (the survey's two unhappy faces). */
  public boolean low() {
    return score <= LOW;
  }
}
