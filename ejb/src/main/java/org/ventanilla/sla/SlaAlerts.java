package org.ventanilla.sla;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.AgentRepository;
import org.ventanilla.agent.Availability;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.email.EmailChannel;
import org.ventanilla.channel.email.EmailSender;
import org.ventanilla.channel.email.OutgoingMail;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.SlaClockKind;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;
import org.ventanilla.ticket.TicketStatus;

/**
 * Finds the SLA alerts that are due and fires each in its own transaction: the claim row, the
 * ticket's activity log, the in-app notifications, and the mail to send once that has committed.
 */
@Stateless
@PermitAll
public class SlaAlerts {

  /** An alert that is due: the clock of a ticket reached its warning or due time. */
  public record Due(long ticketId, SlaClockKind clock, SlaAlert.Stage stage, Instant dueAt) {}

  /** What a fired alert still has to send once committed. */
  public record Fired(long alertId, List<OutgoingMail> mails, String mailProblem) {}

  @PersistenceContext EntityManager em;
  @Inject TicketRepository tickets;
  @Inject AgentRepository agents;
  @Inject ChannelRepository channels;
  @Inject EmailSender email;
  @Inject Clock clock;
  @Inject Event<SlaAlertFired> fired;

  /**
   * Running clocks past their warning or due time without an alert yet. A warning whose due time
   * has passed too (the server was down) is skipped: the breach says it all.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Due> due(int limit) {
    Instant now = clock.instant();
    List<Due> due = new ArrayList<>();
    for (SlaClockKind kind : SlaClockKind.values()) {
      String field = kind == SlaClockKind.FIRST_RESPONSE ? "firstResponse" : "resolution";
      String running =
          kind == SlaClockKind.FIRST_RESPONSE
              ? " AND t.firstResponseAt IS NULL AND t.status <> :resolved"
              : " AND t.resolvedAt IS NULL AND t.status <> :resolved";
      for (SlaAlert.Stage stage : SlaAlert.Stage.values()) {
        String reached =
            stage == SlaAlert.Stage.WARNING
                ? " AND t." + field + "DueAt > :now"
                : " AND t." + field + "DueAt <= :now";
        List<Object[]> rows =
            em.createQuery(
                    "SELECT t.id, t."
                        + field
                        + "DueAt FROM Ticket t WHERE t."
                        + field
                        + "WarnAt <= :now"
                        + reached
                        + running
                        + " AND NOT EXISTS (SELECT a FROM SlaAlert a WHERE a.ticket = t"
                        + " AND a.clock = :clock AND a.stage = :stage AND a.dueAt = t."
                        + field
                        + "DueAt) ORDER BY t."
                        + field
                        + "WarnAt",
                    Object[].class)
                .setParameter("now", now)
                .setParameter("resolved", TicketStatus.RESOLVED)
                .setParameter("clock", kind)
                .setParameter("stage", stage)
                .setMaxResults(limit)
                .getResultList();
        for (Object[] row : rows) {
          due.add(new Due(((Number) row[0]).longValue(), kind, stage, (Instant) row[1]));
        }
      }
    }
    return due;
  }

  /**
   * Fires one alert, unless the clock has stopped or moved, or someone fired it already (then the
   * unique claim fails the insert and this transaction rolls back with nothing done).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Fired> fire(Due due) {
    Ticket ticket = tickets.find(due.ticketId()).orElse(null);
    if (ticket == null
        || !ticket.isSlaRunning(due.clock())
        || !due.dueAt().equals(ticket.slaDueAt(due.clock()))
        || alreadyFired(ticket, due)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    SlaAlert alert = new SlaAlert(ticket, due.clock(), due.stage(), due.dueAt(), now);
    em.persist(alert);
    em.flush();
    boolean breach = due.stage() == SlaAlert.Stage.BREACH;
    ticket.recordSlaAlert(due.clock(), breach, now);

    String kind = breach ? "sla_breach" : "sla_warning";
    String text = text(ticket, due, breach);
    List<Agent> recipients = recipients(ticket);
    for (Agent agent : recipients) {
      em.persist(new Notification(agent, ticket, kind, text, now));
    }
    Optional<EmailChannel> mailbox = mailbox(ticket);
    List<OutgoingMail> mails = new ArrayList<>();
    String problem = null;
    if (mailbox.isEmpty()) {
      problem = "no mail sent: there is no active mailbox";
    } else {
      for (Agent agent : recipients) {
        if (agent.getEmail() != null && !agent.getEmail().isBlank()) {
          mails.add(
              email.notice(
                  mailbox.get(),
                  agent.getEmail(),
                  "[#" + ticket.getNumber() + "] " + text,
                  text + "\n\n" + ticket.getSubject(),
                  "sla." + alert.getId() + "." + agent.getId()));
        }
      }
      if (mails.isEmpty()) {
        problem = "no mail sent: no recipient has an email address";
      }
    }
    if (problem != null) {
      alert.recordMail(problem);
    }
    fired.fire(new SlaAlertFired(ticket.getId(), Enums.json(due.clock()), breach));
    return Optional.of(new Fired(alert.getId(), mails, problem));
  }

  /** Writes down what became of the alert's mail. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordMail(long alertId, String result) {
    Optional.ofNullable(em.find(SlaAlert.class, alertId)).ifPresent(a -> a.recordMail(result));
  }

  private boolean alreadyFired(Ticket ticket, Due due) {
    return !em.createQuery(
            "SELECT a.id FROM SlaAlert a WHERE a.ticket = :t AND a.clock = :c AND a.stage = :s"
                + " AND a.dueAt = :d",
            Long.class)
        .setParameter("t", ticket)
        .setParameter("c", due.clock())
        .setParameter("s", due.stage())
        .setParameter("d", due.dueAt())
        .getResultList()
        .isEmpty();
  }

  /** The assignee; for an unassigned ticket every active agent who is online. */
  private List<Agent> recipients(Ticket ticket) {
    if (ticket.getAssignee() != null) {
      return List.of(ticket.getAssignee());
    }
    return agents.findAll().stream()
        .filter(a -> a.isActive() && a.getAvailability() == Availability.ONLINE)
        .toList();
  }

  /** The ticket's own mailbox when it is an email ticket, else the first active mailbox. */
  private Optional<EmailChannel> mailbox(Ticket ticket) {
    if (ticket.getSourceId() != null) {
      Optional<EmailChannel> own =
          channels.find(ticket.getSourceId(), EmailChannel.class).filter(EmailChannel::isActive);
      if (own.isPresent()) {
        return own;
      }
    }
    return channels.findActive(EmailChannel.class).stream().findFirst();
  }

  private static String text(Ticket ticket, Due due, boolean breach) {
    String clock = Enums.json(due.clock()).replace('_', ' ');
    return breach
        ? "SLA breached: " + clock + " of #" + ticket.getNumber() + " was due at " + due.dueAt()
        : "SLA warning: " + clock + " of #" + ticket.getNumber() + " is due at " + due.dueAt();
  }
}
