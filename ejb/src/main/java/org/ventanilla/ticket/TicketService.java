package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.AgentRepository;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.common.StaleVersionException;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.platform.DefaultRegion;
import org.ventanilla.tag.Tag;
import org.ventanilla.tag.TagRepository;

/** The agents' work on tickets. Each method is one transaction; the ticket enforces the rules. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TicketService {

  @Inject TicketRepository tickets;
  @Inject AgentRepository agents;
  @Inject CustomerDirectory customers;
  @Inject CallerAgent caller;
  @Inject Clock clock;
  @Inject DefaultRegion defaultRegion;
  @Inject ReplyChannels channels;
  @Inject InboundFiling filing;
  @Inject SlaTerms.Source sla;
  @Inject TagRepository tagRepository;
  @Inject jakarta.enterprise.event.Event<TicketResolved> resolved;
  @Inject jakarta.enterprise.event.Event<AgentActed> acted;
  @Inject Uploads uploads;

  public Page<TicketSummary> list(TicketFilter filter, PageRequest page) {
    return new Page<>(
        tickets.search(filter, page).stream().map(TicketSummary::of).toList(),
        tickets.count(filter),
        page.page(),
        page.size());
  }

  /** One page of the inbox in the agent's chosen order. */
  public Page<TicketSummary> list(TicketFilter filter, PageRequest page, TicketSort sort) {
    return new Page<>(
        tickets.search(filter, page, sort).stream().map(TicketSummary::of).toList(),
        tickets.count(filter),
        page.page(),
        page.size());
  }

  public long count(TicketFilter filter) {
    return tickets.count(filter);
  }

  /** The inbox's built-in views' counts for the signed-in agent, in one query. */
  public java.util.Map<String, Long> viewCounts() {
    return tickets.viewCounts(caller.require().getUsername());
  }

  /** The signed-in agent has now seen everything on the ticket. */
  public void markSeen(long id) {
    tickets.markSeen(caller.require().getId(), id);
  }

  /** Unread customer messages per ticket for the signed-in agent, for one page of the inbox. */
  public java.util.Map<Long, Long> unreadCounts(java.util.Collection<Long> ticketIds) {
    return tickets.unreadCounts(caller.require().getId(), ticketIds);
  }

  /** Changes whenever the inbox's rows or counts may have changed; cheap enough to poll. */
  public String inboxStamp() {
    return tickets.inboxStamp();
  }

  /** Changes whenever the ticket, its conversation or a delivery status changed. */
  public String ticketStamp(long id) {
    return tickets.ticketStamp(id);
  }

  public Optional<TicketDetails> get(long id) {
    return tickets.find(id).map(this::details);
  }

  /** Whether free text may go out on the ticket now, or only a WhatsApp template. */
  public ReplyWindow replyWindow(long id) {
    Ticket ticket = require(id);
    return channels.of(ticket).window(ticket, clock.instant());
  }

  /** Records a customer's message as if it had just arrived, opening a new ticket. */
  public TicketDetails recordInbound(NewInboundTicket request) {
    ChannelType channel = Enums.parse(ChannelType.class, "channel", request.channel());
    NewInboundTicket.Sender sender = request.customer();
    if (sender == null) {
      throw new InvalidInputException("customer is required");
    }
    Instant now = clock.instant();
    Customer customer =
        switch (channel) {
          case EMAIL ->
              customers.findOrCreate(
                  ContactType.EMAIL, ContactNormalizer.email(sender.email()), sender.name(), now);
          case WHATSAPP ->
              customers.findOrCreate(
                  ContactType.PHONE,
                  ContactNormalizer.phone(sender.phone(), defaultRegion.code()),
                  sender.name(),
                  now);
        };
    if ((request.text() == null || request.text().isBlank())
        && (request.html() == null || request.html().isBlank())) {
      throw new InvalidInputException("text is required");
    }
    Ticket ticket =
        filing
            .file(
                customer,
                Optional.empty(),
                new InboundFiling.Opening(
                    channel, null, request.subject(), caller.require().getUsername()),
                new InboundContent(
                    customer.getName(),
                    customer.getContacts().get(0).getValue(),
                    request.subject(),
                    request.text(),
                    request.html(),
                    request.externalId(),
                    false),
                now,
                message -> {})
            .ticket();
    tickets.flush();
    return details(ticket);
  }

  /**
   * Changes status, priority and assignee together. {@code expectedVersion} (from If-Match) must
   * still be current, so nobody overwrites a change they have not seen.
   */
  public TicketDetails update(long id, TicketChanges changes, Long expectedVersion) {
    Ticket ticket = require(id);
    if (expectedVersion != null && expectedVersion != ticket.getVersion()) {
      throw new StaleVersionException(expectedVersion, ticket.getVersion());
    }
    String actor = caller.require().getUsername();
    Instant now = clock.instant();
    if (changes.status() != null) {
      TicketStatus before = ticket.getStatus();
      ticket.changeStatus(
          Enums.parse(TicketStatus.class, "status", changes.status()), actor, now, sla);
      if (before != TicketStatus.RESOLVED && ticket.getStatus() == TicketStatus.RESOLVED) {
        resolved.fire(new TicketResolved(ticket, now));
      }
    }
    if (changes.priority() != null) {
      ticket.changePriority(
          Enums.parse(Priority.class, "priority", changes.priority()), actor, now, sla);
    }
    if (changes.assigneeSet()) {
      Agent assignee =
          changes.assignee() == null
              ? null
              : agents
                  .findByUsername(changes.assignee())
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              "unknown_agent", "No agent " + changes.assignee()));
      ticket.assign(assignee, actor, now);
    }
    if (changes.tags() != null) {
      ticket.retag(new LinkedHashSet<>(tagsNamed(changes.tags(), now)), actor, now);
    }
    if (changes.addTags() != null) {
      for (Tag tag : tagsNamed(changes.addTags(), now)) {
        ticket.tag(tag, actor, now);
      }
    }
    if (changes.removeTags() != null) {
      for (Tag tag : tagRepository.findByKeys(keysOf(changes.removeTags()))) {
        ticket.untag(tag, actor, now);
      }
    }
    tickets.flush();
    acted.fire(new AgentActed(ticket.getId(), false));
    return details(ticket);
  }

  /**
   * The same update in a transaction of its own, for bulk actions: one ticket's conflict rolls back
   * that ticket only.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public TicketDetails updateAlone(long id, TicketChanges changes, Long expectedVersion) {
    return update(id, changes, expectedVersion);
  }

  /** The tags with these names; names nobody used yet become new tags in the default colour. */
  private List<Tag> tagsNamed(List<String> names, Instant now) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String name : names) {
      byKey.putIfAbsent(Tag.keyOf(name), Tag.cleanName(name));
    }
    List<Tag> found = new ArrayList<>(tagRepository.findByKeys(byKey.keySet()));
    Set<String> known = new java.util.HashSet<>();
    found.forEach(tag -> known.add(tag.getNameKey()));
    byKey.forEach(
        (key, name) -> {
          if (!known.contains(key)) {
            found.add(tagRepository.findOrCreate(name, now));
          }
        });
    return found;
  }

  private static List<String> keysOf(List<String> names) {
    return names.stream().map(Tag::keyOf).distinct().toList();
  }

  public MessageView addNote(long id, String text) {
    return addNote(id, ReplyDraft.text(text));
  }

  /** A note, with the caller's uploaded files attached (a note has no recipients). */
  public MessageView addNote(long id, ReplyDraft draft) {
    Ticket ticket = require(id);
    Agent agent = caller.require();
    Instant now = clock.instant();
    List<Upload> files = uploads.usable(draft.uploadsOrEmpty(), agent);
    Message note = ticket.note(agent, draft.text(), now);
    tickets.add(note);
    uploads.attach(files, note, now);
    return MessageView.of(note);
  }

  /**
   * Stores the reply as queued and, when the ticket runs through a channel, puts it in that
   * channel's outbox in the same transaction.
   */
  public MessageView reply(long id, String text) {
    return reply(id, ReplyDraft.text(text));
  }

  /**
   * The same with CC, BCC (mail) and the caller's uploaded files; the channel refuses files it
   * cannot send before anything is stored.
   */
  public MessageView reply(long id, ReplyDraft draft) {
    Ticket ticket = require(id);
    Instant now = clock.instant();
    ReplyChannel channel = channels.of(ticket);
    channel.requireFreeForm(ticket, now);
    Agent agent = caller.require();
    List<Upload> files = uploads.usable(draft.uploadsOrEmpty(), agent);
    channel.requireFilesFit(ticket, files.stream().map(FileFacts::of).toList());
    if (ticket.getChannel() != ChannelType.EMAIL
        && !(draft.ccOrEmpty().isEmpty() && draft.bccOrEmpty().isEmpty())) {
      throw new InvalidInputException("cc_not_supported", "Only mail replies take cc and bcc");
    }
    Message reply = ticket.reply(agent, draft.text(), now);
    reply.renderMarkdown();
    reply.copyTo(draft.ccOrEmpty(), draft.bccOrEmpty());
    for (String cc : reply.getCc()) {
      ticket.addParticipant(cc, Participant.Role.CC, now);
    }
    tickets.add(reply);
    uploads.attach(files, reply, now);
    send(ticket, reply, now);
    acted.fire(new AgentActed(ticket.getId(), true));
    return MessageView.of(reply);
  }

  /**
   * What the composer pre-fills as a mail reply's CC: the customer's last mail's own To and Cc,
   * without our mailboxes and the customer; empty on other channels. The agent may change it.
   */
  public List<String> suggestedCc(long id) {
    Ticket ticket = require(id);
    if (ticket.getChannel() != ChannelType.EMAIL) {
      return List.of();
    }
    java.util.Set<String> ours = channels.of(ticket).ownAddresses();
    List<String> customer =
        ticket.getCustomer().contactValues(org.ventanilla.customer.ContactType.EMAIL);
    return tickets
        .lastInbound(ticket)
        .map(
            m ->
                java.util.stream.Stream.concat(m.getTo().stream(), m.getCc().stream())
                    .filter(a -> !ours.contains(a) && !customer.contains(a))
                    .distinct()
                    .toList())
        .orElse(List.of());
  }

  /**
   * A WhatsApp reply as an approved template (the only kind allowed once the customer's 24-hour
   * window has closed); the ticket shows the template's text with the parameters filled in.
   */
  public MessageView replyWithTemplate(long id, TemplateReply template) {
    Ticket ticket = require(id);
    Instant now = clock.instant();
    ReplyChannel channel = channels.of(ticket);
    String text = channel.templateText(ticket, template);
    Message reply = ticket.reply(caller.require(), text, now);
    tickets.add(reply);
    channel.rememberTemplate(reply, template);
    send(ticket, reply, now);
    acted.fire(new AgentActed(ticket.getId(), true));
    return MessageView.of(reply);
  }

  /**
   * A WhatsApp reply with reply buttons or a list (Meta's {@code interactive} object; {@code text}
   * is its body when it has none): free-form, so only while the 24-hour window is open.
   */
  public MessageView replyInteractive(long id, String text, jakarta.json.JsonObject interactive) {
    Ticket ticket = require(id);
    Instant now = clock.instant();
    ReplyChannel channel = channels.of(ticket);
    String shown = channel.interactiveText(ticket, text, interactive);
    channel.requireFreeForm(ticket, now);
    Message reply = ticket.reply(caller.require(), shown, now);
    tickets.add(reply);
    channel.rememberInteractive(reply, text, interactive);
    send(ticket, reply, now);
    return MessageView.of(reply);
  }

  private void send(Ticket ticket, Message reply, Instant now) {
    channels.of(ticket).send(ticket, reply, now);
  }

  private Ticket require(long id) {
    return tickets.find(id).orElseThrow(() -> new NotFoundException("Ticket", id));
  }

  private TicketDetails details(Ticket ticket) {
    return TicketDetails.of(
        ticket, tickets.messagesOf(ticket), tickets.eventsOf(ticket), clock.instant());
  }
}
