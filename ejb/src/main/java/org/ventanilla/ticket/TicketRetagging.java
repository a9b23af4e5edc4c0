package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.tag.Tag;
import org.ventanilla.tag.TaggedTickets;

/** The tickets' side of merging and deleting a tag (runs in the tag service's transaction). */
@ApplicationScoped
class TicketRetagging implements TaggedTickets {

  @Inject TicketRepository tickets;

  @Override
  public void retag(Tag from, Tag into, String actor, Instant at) {
    for (Ticket ticket : tickets.taggedWith(from)) {
      ticket.untag(from, actor, at);
      if (into != null) {
        ticket.tag(into, actor, at);
      }
    }
  }
}
