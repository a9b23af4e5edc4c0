package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/**
 * Forwards a mail ticket's messages (with their files) to addresses outside the conversation, as
 * one mail through the ticket's mailbox and its outbox; the recipients become third parties whose
 * answers join the ticket.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TicketForwards {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject TicketRepository tickets;
  @Inject CallerAgent caller;
  @Inject Clock clock;
  @Inject ReplyChannels channels;
  @Inject AttachmentStore store;

  public MessageView forward(long ticketId, ForwardRequest request) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
    if (ticket.getChannel() != ChannelType.EMAIL) {
      throw new InvalidInputException(
          "forward_not_supported", "Only mail tickets can be forwarded");
    }
    if (request == null || request.to() == null || request.to().isEmpty()) {
      throw new InvalidInputException("to_required", "A forward needs at least one address in to");
    }
    List<Message> forwarded = chosen(ticket, request.messageIds());
    List<FileFacts> files = new ArrayList<>();
    for (Message m : forwarded) {
      for (Attachment a : m.getAttachments()) {
        if (a.getStoragePath() != null) {
          files.add(new FileFacts(a.getFilename(), a.getContentType(), a.getSize()));
        }
      }
    }
    ReplyChannel channel = channels.of(ticket);
    channel.requireFilesFit(ticket, files);
    Agent agent = caller.require();
    Instant now = clock.instant();
    Message forward =
        ticket.forward(agent, body(ticket, request.text(), forwarded), request.to(), now);
    for (Message m : forwarded) {
      for (Attachment a : m.getAttachments()) {
        if (a.getStoragePath() != null) {
          AttachmentStore.StoredFile copy = copy(a);
          forward.attach(
              a.getFilename(),
              a.getContentType(),
              copy.size(),
              copy.sha256(),
              copy.path(),
              null,
              now);
        }
      }
    }
    tickets.add(forward);
    channel.send(ticket, forward, now);
    return MessageView.of(forward);
  }

  /** The messages asked for, oldest first; all the ticket's messages (not notes) when none. */
  private List<Message> chosen(Ticket ticket, List<Long> ids) {
    List<Message> all =
        tickets.messagesOf(ticket).stream()
            .filter(m -> m.getKind() == MessageKind.MESSAGE)
            .toList();
    if (ids == null) {
      if (all.isEmpty()) {
        throw new InvalidInputException("nothing_to_forward", "The ticket has no messages");
      }
      return all;
    }
    Set<Long> wanted = new HashSet<>(ids);
    List<Message> found = all.stream().filter(m -> wanted.contains(m.getId())).toList();
    if (found.size() != wanted.size() || wanted.isEmpty()) {
      throw new InvalidInputException(
          "unknown_message", "messageIds must name messages of this ticket (not notes)");
    }
    return found;
  }

  /** The note for the recipient, then each message as mail clients forward one. */
  static String body(Ticket ticket, String note, List<Message> messages) {
    StringBuilder body = new StringBuilder();
    if (note != null && !note.isBlank()) {
      body.append(note.strip()).append("\n\n");
    }
    for (Message m : messages) {
      body.append("---------- Forwarded message ----------\n");
      body.append("From: ")
          .append(m.getAuthorName() == null ? "" : m.getAuthorName())
          .append(m.getSenderAddress() == null ? "" : " <" + m.getSenderAddress() + ">")
          .append('\n');
      body.append("Date: ").append(DATE.format(m.getCreatedAt())).append('\n');
      body.append("Subject: ")
          .append(m.getSubject() == null ? ticket.getSubject() : m.getSubject())
          .append("\n\n");
      body.append(m.getText() == null ? "" : m.getText().strip()).append("\n\n");
    }
    return body.toString().stripTrailing() + "\n";
  }

  private AttachmentStore.StoredFile copy(Attachment a) {
    try (InputStream in = Files.newInputStream(store.resolve(a.getStoragePath()))) {
      return store.store(in, Long.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + a.getStoragePath(), e);
    }
  }
}
