package org.ventanilla.tag;

import java.time.Instant;

/**
 * What merging and deleting a tag need from the tickets carrying it: the port {@code tag} declares
 * and {@code ticket} implements, so tags know no tickets (the model is {@code ticket.SlaTerms}).
 */
public interface TaggedTickets {

  /**
   * Every ticket tagged {@code from} loses it and, when {@code into} is not null, gains {@code
   * into}; each ticket logs its own TAGGED / UNTAGGED events.
   */
  void retag(Tag from, Tag into, String actor, Instant at);
}
