package org.ventanilla.csat;

import java.time.Instant;

/**
 * A CDI event, fired in the answer's transaction: the customer scored a ticket 1 to 5. Rules (a low
 * score reopens, notifies) observe it.
 */
public record CsatAnswered(long ticketId, int score, String comment, Instant at) {}
