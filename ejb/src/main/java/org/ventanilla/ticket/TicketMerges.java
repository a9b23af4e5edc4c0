package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.StaleVersionException;

/**
 * Merging two tickets about one problem, and splitting a message about another problem off into a
 * ticket of its own. Each is one transaction; the tickets keep the links and log both sides.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TicketMerges {

  @Inject TicketRepository tickets;
  @Inject TicketService service;
  @Inject CallerAgent caller;
  @Inject Clock clock;
  @Inject SlaTerms.Source sla;

  /**
   * Moves the messages (with their attachments), the activity log and the tags of ticket {@code id}
   * to {@code into}, and closes {@code id} with a link to it. {@code expectedVersion} (If-Match) is
   * the merged ticket's version; returns the kept ticket.
   */
  public TicketDetails merge(long id, Long into, Long expectedVersion) {
    if (into == null) {
      throw new InvalidInputException("into is required");
    }
    Ticket merged = require(id);
    Ticket kept = require(into);
    if (expectedVersion != null && expectedVersion != merged.getVersion()) {
      throw new StaleVersionException(expectedVersion, merged.getVersion());
    }
    if (merged.getId().equals(kept.getId())) {
      throw new InvalidInputException("merge_self", "A ticket cannot be merged into itself");
    }
    if (merged.getMergedIntoId() != null || kept.getMergedIntoId() != null) {
      throw new InvalidInputException("merged_ticket", "One of the tickets is merged already");
    }
    tickets.moveConversation(merged, kept);
    merged.mergeInto(kept, caller.require().getUsername(), clock.instant());
    tickets.flush();
    return service.get(kept.getId()).orElseThrow();
  }

  /**
   * Makes a new ticket of one message of ticket {@code id} (and, with {@code following}, every
   * later one), linked to it; the ticket must keep at least one message. Returns the new ticket.
   */
  public TicketDetails split(long id, Long messageId, boolean following, Long expectedVersion) {
    if (messageId == null) {
      throw new InvalidInputException("messageId is required");
    }
    Ticket source = require(id);
    if (expectedVersion != null && expectedVersion != source.getVersion()) {
      throw new StaleVersionException(expectedVersion, source.getVersion());
    }
    Message first =
        tickets
            .findMessage(messageId)
            .filter(m -> m.getTicket().getId().equals(source.getId()))
            .orElseThrow(() -> new NotFoundException("Message", messageId));
    long moving = following ? tickets.countFrom(first) : 1;
    if (moving >= tickets.countMessages(source)) {
      throw new InvalidInputException(
          "split_all", "The ticket must keep at least one of its messages");
    }
    Instant now = clock.instant();
    Ticket split =
        Ticket.splitOff(
            tickets.nextNumber(),
            source,
            first.getSubject(),
            first.getText(),
            first.getDirection() == MessageDirection.INBOUND ? first.getCreatedAt() : null,
            caller.require().getUsername(),
            now,
            sla);
    tickets.add(split);
    tickets.moveMessages(first, following, split);
    tickets.flush();
    return service.get(split.getId()).orElseThrow();
  }

  private Ticket require(long id) {
    return tickets.find(id).orElseThrow(() -> new NotFoundException("Ticket", id));
  }
}
