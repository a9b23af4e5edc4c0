package org.ventanilla.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ventanilla.agent.Agent;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.customer.Customer;
import org.ventanilla.tag.Tag;

/**
 * A customer's conversation with the team. The ticket guards its own rules: the status machine,
 * first-response time, reopening, its service-level due times. Every change it accepts leaves an
 * event for the activity log, stored with the ticket (cascade), so there is no separate "save" to
 * remember: a changed managed ticket is written at commit, its new events with it. The changes that
 * move an SLA clock (opening, reopening, priority) take the {@link SlaTerms.Source} and re-plan the
 * due times at once.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

  static final int MAX_SUBJECT = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
  @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private long number;

  @Column(nullable = false)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TicketStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ChannelType channel;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assignee_id")
  private Agent assignee;

  /**
   * The id of the mailbox or number the conversation runs through (a channel of this ticket's
   * kind); none for tickets recorded by the API. An id, not the entity: the ticket domain knows no
   * channel, it reaches it through {@link ReplyChannel}.
   */
  @Column(name = "channel_id", updatable = false)
  private Long sourceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "first_response_at")
  private Instant firstResponseAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "last_inbound_at")
  private Instant lastInboundAt;

  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "ticket_tag",
      joinColumns = @JoinColumn(name = "ticket_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  private Set<Tag> tags = new HashSet<>();

  /** When the current resolution clock started: the opening, or the last reopening. */
  @Column(name = "resolution_started_at")
  private Instant resolutionStartedAt;

  @Column(name = "first_response_warn_at")
  private Instant firstResponseWarnAt;

  @Column(name = "first_response_due_at")
  private Instant firstResponseDueAt;

  @Column(name = "resolution_warn_at")
  private Instant resolutionWarnAt;

  @Column(name = "resolution_due_at")
  private Instant resolutionDueAt;

  /** Set by the changes that move a due time (opening, reopening, priority): see planSla. */
  @Transient private boolean slaStale;

  /** The ticket this one was merged into: closed for good, later messages go there. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "merged_into_id")
  private Ticket mergedInto;

  /** The ticket this one was split from. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "split_from_id", updatable = false)
  private Ticket splitFrom;

  @Column(name = "csat_sent_at")
  private Instant csatSentAt;

  @Column(name = "csat_answered_at")
  private Instant csatAnsweredAt;

  @Column(name = "csat_score")
  private Integer csatScore;

  @Column(name = "csat_comment")
  private String csatComment;

  static final int MAX_CSAT_COMMENT = 2000;

  @Version private long version;

  /** The activity log; only ever appended to (adding does not load it). */
  @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  private List<TicketEvent> events = new ArrayList<>();

  /** The events of this unit of work, for the tests that read them. */
  @Transient private List<TicketEvent> pendingEvents = new ArrayList<>();

  protected Ticket() {}

  private Ticket(
      long number,
      String subject,
      ChannelType channel,
      Long sourceId,
      Customer customer,
      Instant now) {
    this.number = number;
    this.subject = subject;
    this.status = TicketStatus.NEW;
    this.priority = Priority.NORMAL;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.sourceId = sourceId;
    this.customer = Objects.requireNonNull(customer, "customer");
    this.createdAt = now;
    this.updatedAt = now;
    this.resolutionStartedAt = now;
    this.slaStale = true;
  }

  /** A new conversation, opened by the customer's first message. */
  public static Ticket open(
      long number,
      String subject,
      String firstText,
      ChannelType channel,
      Long sourceId,
      Customer customer,
      String actor,
      Instant now,
      SlaTerms.Source sla) {
    Ticket ticket =
        new Ticket(number, subjectFor(subject, firstText), channel, sourceId, customer, now);
    ticket.record(TicketEventType.CREATED, actor, now, null, "new", "#" + number);
    ticket.replanIfMoved(sla);
    return ticket;
  }

  /**
   * A new ticket made of messages split off {@code source} (the caller moves them): same customer
   * and channel, linked to where it came from; both logs tell.
   */
  public static Ticket splitOff(
      long number,
      Ticket source,
      String subject,
      String firstText,
      Instant lastInboundAt,
      String actor,
      Instant now,
      SlaTerms.Source sla) {
    if (source.mergedInto != null) {
      throw new InvalidInputException("merged_ticket", "A merged ticket cannot be split");
    }
    Ticket ticket =
        new Ticket(
            number,
            subjectFor(subject, firstText),
            source.channel,
            source.sourceId,
            source.customer,
            now);
    ticket.splitFrom = source;
    ticket.lastInboundAt = lastInboundAt;
    ticket.record(TicketEventType.CREATED, actor, now, null, "new", "#" + number);
    ticket.record(TicketEventType.SPLIT_FROM, actor, now, "#" + source.number, null, null);
    source.touch(now);
    source.record(TicketEventType.SPLIT_TO, actor, now, null, "#" + number, null);
    ticket.replanIfMoved(sla);
    return ticket;
  }

  /**
   * Closes this ticket into {@code kept} (the caller has moved its messages and events there): it
   * is resolved with a link and takes no more messages, no survey, no reopening; its tags go to the
   * kept one. Both logs tell.
   */
  public void mergeInto(Ticket kept, String actor, Instant now) {
    Objects.requireNonNull(kept, "kept");
    if (kept == this || kept.getId().equals(id)) {
      throw new InvalidInputException("merge_self", "A ticket cannot be merged into itself");
    }
    if (mergedInto != null) {
      throw new InvalidInputException("merged_ticket", "#" + number + " is merged already");
    }
    if (kept.mergedInto != null) {
      throw new InvalidInputException(
          "merged_ticket", "#" + kept.number + " is merged already: merge into the one it went to");
    }
    for (Tag tag : List.copyOf(tags)) {
      untag(tag, actor, now);
      kept.tag(tag, actor, now);
    }
    if (lastInboundAt != null
        && (kept.lastInboundAt == null || lastInboundAt.isAfter(kept.lastInboundAt))) {
      kept.lastInboundAt = lastInboundAt;
    }
    TicketStatus before = status;
    status = TicketStatus.RESOLVED;
    if (resolvedAt == null) {
      resolvedAt = now;
    }
    mergedInto = kept;
    touch(now);
    kept.touch(now);
    record(TicketEventType.MERGED_INTO, actor, now, Enums.json(before), "#" + kept.number, null);
    kept.record(TicketEventType.MERGED_FROM, actor, now, "#" + number, null, null);
  }

  private void requireNotMerged() {
    if (mergedInto != null) {
      throw new InvalidInputException(
          "merged_ticket", "#" + number + " was merged into #" + mergedInto.number);
    }
  }

  /** Where messages for this ticket go: itself, or the ticket it was merged into (followed). */
  public Ticket conversation() {
    Ticket t = this;
    for (int hops = 0; t.mergedInto != null && hops < 100; hops++) {
      t = t.mergedInto;
    }
    return t;
  }

  /**
   * The customer is asked about this resolved ticket: only once, and never about one closed by a
   * merge.
   */
  public void csatSent(Instant now) {
    if (!canBeSurveyed()) {
      throw new IllegalStateException("#" + number + " gets no survey");
    }
    csatSentAt = now;
    record(TicketEventType.CSAT_SENT, "system", now, null, null, null);
  }

  /**
   * The survey leaves as a system message on the conversation (the caller stores and sends it);
   * only once, never for a ticket closed by a merge.
   */
  public Message inviteToSurvey(String text, Instant now) {
    csatSent(now);
    return Message.system(this, text, now);
  }

  /** Whether a survey may go out now: resolved, not merged, never asked before. */
  public boolean canBeSurveyed() {
    return status == TicketStatus.RESOLVED && mergedInto == null && csatSentAt == null;
  }

  /** The customer's answer: 1 to 5, an optional comment; once. */
  public void csatAnswered(int score, String comment, Instant now) {
    if (score < 1 || score > 5) {
      throw new InvalidInputException("invalid_score", "score must be 1 to 5");
    }
    if (csatSentAt == null || csatAnsweredAt != null) {
      throw new IllegalStateException("#" + number + " has no open survey");
    }
    String clean = comment == null ? null : comment.replace("\0", "").strip();
    if (clean != null && clean.length() > MAX_CSAT_COMMENT) {
      clean = clean.substring(0, MAX_CSAT_COMMENT);
    }
    csatScore = score;
    csatComment = clean == null || clean.isEmpty() ? null : clean;
    csatAnsweredAt = now;
    touch(now);
    record(
        TicketEventType.CSAT_ANSWERED,
        customer.getName(),
        now,
        null,
        String.valueOf(score),
        csatComment == null ? null : csatComment.substring(0, Math.min(csatComment.length(), 500)));
  }

  /** WhatsApp messages have no subject: the first line of the first message stands in. */
  static String subjectFor(String subject, String firstText) {
    if ((subject == null || subject.isBlank()) && firstText != null && !firstText.isBlank()) {
      String firstLine = firstText.strip().lines().findFirst().orElse("");
      return cleanSubject(firstLine.length() > 80 ? firstLine.substring(0, 79) + "…" : firstLine);
    }
    return cleanSubject(subject);
  }

  static String cleanSubject(String subject) {
    if (subject == null || subject.isBlank()) {
      return "(no subject)";
    }
    String oneLine = subject.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() > MAX_SUBJECT ? oneLine.substring(0, MAX_SUBJECT) : oneLine;
  }

  /**
   * A customer's message joins the conversation; one after resolution reopens the ticket. Automatic
   * mail (an out-of-office reply) is kept but reopens nothing.
   */
  public Message receive(InboundContent content, Instant now, SlaTerms.Source sla) {
    if (mergedInto != null) {
      throw new IllegalStateException("#" + number + " is merged: file on conversation()");
    }
    Message message = Message.inbound(this, content, now);
    if (!content.automated()) {
      if (status == TicketStatus.RESOLVED) {
        reopen(customer.getName(), now, "customer wrote again");
      }
      this.lastInboundAt = now;
    }
    touch(now);
    String author = content.authorName() == null ? "customer" : content.authorName();
    record(
        TicketEventType.MESSAGE_RECEIVED,
        author,
        now,
        null,
        null,
        content.automated() ? "automatic reply" : null);
    replanIfMoved(sla);
    return message;
  }

  /** An agent answers the customer. The first answer is the first response and starts work. */
  public Message reply(Agent agent, String text, Instant now) {
    requireNotMerged();
    Message message = Message.reply(this, agent, text, now);
    if (firstResponseAt == null) {
      firstResponseAt = now;
    }
    if (status == TicketStatus.NEW) {
      moveTo(TicketStatus.IN_PROGRESS, agent.getUsername(), now);
    }
    touch(now);
    record(TicketEventType.REPLIED, agent.getUsername(), now, null, null, null);
    return message;
  }

  /**
   * An automatic answer (an acknowledgement, a rule's reply) by {@code actor}: it leaves like a
   * reply but is neither the first response nor a start of work, so the SLA clock and the status
   * stay where they are.
   */
  public Message automaticReply(String actor, String text, Instant now) {
    Message message = Message.automaticReply(this, actor, text, now);
    touch(now);
    record(TicketEventType.REPLIED, actor, now, null, null, "automatic reply");
    return message;
  }

  /** An internal note: for the team only, never sent, does not count as a response. */
  public Message note(Agent agent, String text, Instant now) {
    requireNotMerged();
    Message message = Message.note(this, agent, text, now);
    touch(now);
    record(TicketEventType.NOTE_ADDED, agent.getUsername(), now, null, null, null);
    return message;
  }

  public void changeStatus(TicketStatus target, String actor, Instant now, SlaTerms.Source sla) {
    Objects.requireNonNull(target, "status");
    if (target == status) {
      return;
    }
    if (mergedInto != null || !status.canMoveTo(target)) {
      throw new IllegalTransitionException(status, target);
    }
    if (status == TicketStatus.RESOLVED) {
      reopen(actor, now, null);
    } else {
      moveTo(target, actor, now);
    }
    touch(now);
    replanIfMoved(sla);
  }

  private void reopen(String actor, Instant now, String why) {
    TicketStatus before = status;
    status = TicketStatus.IN_PROGRESS;
    resolvedAt = null;
    resolutionStartedAt = now;
    slaStale = true;
    record(TicketEventType.REOPENED, actor, now, Enums.json(before), Enums.json(status), why);
  }

  private void moveTo(TicketStatus target, String actor, Instant now) {
    TicketStatus before = status;
    status = target;
    if (target == TicketStatus.RESOLVED) {
      resolvedAt = now;
    }
    record(
        TicketEventType.STATUS_CHANGED, actor, now, Enums.json(before), Enums.json(target), null);
  }

  public void changePriority(Priority target, String actor, Instant now, SlaTerms.Source sla) {
    Objects.requireNonNull(target, "priority");
    if (target == priority) {
      return;
    }
    Priority before = priority;
    priority = target;
    slaStale = true;
    touch(now);
    record(
        TicketEventType.PRIORITY_CHANGED, actor, now, Enums.json(before), Enums.json(target), null);
    replanIfMoved(sla);
  }

  /** Gives the ticket to an agent, or to nobody (null). Inactive agents take no new work. */
  public void assign(Agent agent, String actor, Instant now) {
    if (sameAgent(agent, assignee)) {
      return;
    }
    if (agent != null && !agent.isActive()) {
      throw new InvalidInputException("inactive_agent", agent.getUsername() + " is deactivated");
    }
    String before = assignee == null ? null : assignee.getUsername();
    assignee = agent;
    touch(now);
    record(
        TicketEventType.ASSIGNED,
        actor,
        now,
        before,
        agent == null ? null : agent.getUsername(),
        null);
  }

  /** Two customers were one person: the ticket now belongs to the one that remains. */
  public void moveToCustomer(Customer target, String actor, Instant now) {
    if (target.getId().equals(customer.getId())) {
      return;
    }
    String before = customer.getName();
    customer = target;
    touch(now);
    record(TicketEventType.CUSTOMER_MERGED, actor, now, before, target.getName(), null);
  }

  private void replanIfMoved(SlaTerms.Source sla) {
    if (slaStale) {
      planSla(sla.termsFor(priority, channel));
    }
  }

  /** Whether a change since loading moved the service level's clocks (see {@link #planSla}). */
  boolean isSlaStale() {
    return slaStale;
  }

  /**
   * Sets the due times under the given terms. A clock that has stopped keeps its due time (reports
   * compare against it): the first response once answered, resolution once resolved. A reopened
   * ticket gets a new resolution clock from the reopening; a priority change recomputes the running
   * clocks from when they started.
   */
  private void planSla(SlaTerms terms) {
    if (firstResponseAt == null) {
      SlaDeadline first = terms.deadline(SlaClockKind.FIRST_RESPONSE, createdAt).orElse(null);
      firstResponseWarnAt = first == null ? null : first.warnAt();
      firstResponseDueAt = first == null ? null : first.dueAt();
    }
    if (resolvedAt == null) {
      Instant start = resolutionStartedAt == null ? createdAt : resolutionStartedAt;
      SlaDeadline resolution = terms.deadline(SlaClockKind.RESOLUTION, start).orElse(null);
      resolutionWarnAt = resolution == null ? null : resolution.warnAt();
      resolutionDueAt = resolution == null ? null : resolution.dueAt();
    }
    slaStale = false;
  }

  /** Whether the clock still runs: not answered (first response), not resolved. */
  public boolean isSlaRunning(SlaClockKind clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponseAt == null && status != TicketStatus.RESOLVED;
      case RESOLUTION -> resolvedAt == null;
    };
  }

  public Instant slaDueAt(SlaClockKind clock) {
    return clock == SlaClockKind.FIRST_RESPONSE ? firstResponseDueAt : resolutionDueAt;
  }

  public Instant slaWarnAt(SlaClockKind clock) {
    return clock == SlaClockKind.FIRST_RESPONSE ? firstResponseWarnAt : resolutionWarnAt;
  }

  /** The clocks that went past their due time: stopped late, or still running past it. */
  public List<SlaClockKind> slaBreaches(Instant now) {
    List<SlaClockKind> breached = new ArrayList<>();
    if (firstResponseDueAt != null
        && (firstResponseAt == null ? now : firstResponseAt).isAfter(firstResponseDueAt)
        && !(firstResponseAt == null && status == TicketStatus.RESOLVED)) {
      breached.add(SlaClockKind.FIRST_RESPONSE);
    }
    if (resolutionDueAt != null
        && (resolvedAt == null ? now : resolvedAt).isAfter(resolutionDueAt)) {
      breached.add(SlaClockKind.RESOLUTION);
    }
    return breached;
  }

  /**
   * The SLA timer found a running clock at its warning or due time: an entry in the activity log.
   * Refused when the clock has stopped, so a late timer never alerts about an answered ticket.
   */
  public void recordSlaAlert(SlaClockKind clock, boolean breach, Instant now) {
    if (!isSlaRunning(clock)) {
      throw new IllegalStateException("The " + clock + " clock of #" + number + " has stopped");
    }
    record(
        breach ? TicketEventType.SLA_BREACH : TicketEventType.SLA_WARNING,
        "system",
        now,
        null,
        Enums.json(clock),
        "due " + slaDueAt(clock));
  }

  private static boolean sameAgent(Agent a, Agent b) {
    return a == b || (a != null && b != null && a.getId() != null && a.getId().equals(b.getId()));
  }

  /** Puts a tag on the ticket; a tag it already has changes nothing. */
  public void tag(Tag tag, String actor, Instant now) {
    Objects.requireNonNull(tag, "tag");
    if (tags.add(tag)) {
      touch(now);
      record(TicketEventType.TAGGED, actor, now, null, tag.getName(), null);
    }
  }

  public void untag(Tag tag, String actor, Instant now) {
    Objects.requireNonNull(tag, "tag");
    if (tags.remove(tag)) {
      touch(now);
      record(TicketEventType.UNTAGGED, actor, now, tag.getName(), null, null);
    }
  }

  /** Leaves exactly these tags on the ticket, logging each one added or removed. */
  public void retag(Set<Tag> wanted, String actor, Instant now) {
    for (Tag tag : List.copyOf(tags)) {
      if (!wanted.contains(tag)) {
        untag(tag, actor, now);
      }
    }
    for (Tag tag : wanted) {
      tag(tag, actor, now);
    }
  }

  /** Tag names in alphabetical order. */
  public List<String> getTagNames() {
    return tags.stream()
        .map(Tag::getName)
        .sorted(Comparator.comparing(String::toLowerCase))
        .toList();
  }

  private void touch(Instant now) {
    if (now.isAfter(updatedAt)) {
      updatedAt = now;
    }
  }

  private void record(
      TicketEventType type,
      String actor,
      Instant now,
      String before,
      String after,
      String details) {
    TicketEvent event = new TicketEvent(this, type, actor, now, before, after, details);
    events.add(event);
    pendingEvents.add(event);
  }

  /** The events of the changes made since the last call (they are stored already). */
  public List<TicketEvent> drainEvents() {
    List<TicketEvent> events = List.copyOf(pendingEvents);
    pendingEvents.clear();
    return events;
  }

  public Long getId() {
    return id;
  }

  public long getNumber() {
    return number;
  }

  public String getSubject() {
    return subject;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public Priority getPriority() {
    return priority;
  }

  public ChannelType getChannel() {
    return channel;
  }

  public Customer getCustomer() {
    return customer;
  }

  /** The channel the conversation runs through, by id; null for tickets recorded by the API. */
  public Long getSourceId() {
    return sourceId;
  }

  public Agent getAssignee() {
    return assignee;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getFirstResponseAt() {
    return firstResponseAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Instant getLastInboundAt() {
    return lastInboundAt;
  }

  /** The id of the ticket this one was merged into, or null. */
  public Long getMergedIntoId() {
    return mergedInto == null ? null : mergedInto.getId();
  }

  /** The id of the ticket this one was split from, or null. */
  public Long getSplitFromId() {
    return splitFrom == null ? null : splitFrom.getId();
  }

  public Instant getCsatSentAt() {
    return csatSentAt;
  }

  public Instant getCsatAnsweredAt() {
    return csatAnsweredAt;
  }

  public Integer getCsatScore() {
    return csatScore;
  }

  public String getCsatComment() {
    return csatComment;
  }

  public long getVersion() {
    return version;
  }
}
