package org.ventanilla.automation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.AgentRepository;
import org.ventanilla.agent.Role;
import org.ventanilla.common.DomainException;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;
import org.ventanilla.customer.CustomerContact;
import org.ventanilla.sla.Notification;
import org.ventanilla.tag.TagRepository;
import org.ventanilla.template.CannedResponse;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.ReplyChannels;
import org.ventanilla.ticket.SlaTerms;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;
import org.ventanilla.ticket.TicketStatus;

/**
 * Runs the rules: on an event, every active rule for it in order, each matching one fired on the
 * ticket; for time rules, one ticket and wait at a time (claimed). A firing's changes are recorded
 * in the activity log as done by "Automation: &lt;rule name&gt;". Guards: one automatic reply per
 * ticket, rule and day; a rule that fired {@value #STORM} times in a minute is paused and the
 * admins are told.
 */
@Stateless
@PermitAll
// Rules also run where nobody is signed in (a polled mail, the SLA timer, the public survey page):
// their actions reach the role-checked services (tags, assignment) as an agent would.
@RunAs(Role.AGENT_ROLE)
public class RuleEngine {

  static final int STORM = 100;

  private static final Logger LOG = Logger.getLogger(RuleEngine.class.getName());

  @PersistenceContext EntityManager em;
  @Inject RuleRepository rules;
  @Inject TicketRepository tickets;
  @Inject AgentRepository agents;
  @Inject TagRepository tags;
  @Inject ReplyChannels replies;
  @Inject LoopGuards guards;
  @Inject AutoAcknowledgements acknowledgements;
  @Inject Assignment assignment;
  @Inject SlaTerms.Source sla;
  @Inject Clock clock;

  /** Fires every active rule of this event that matches the ticket, in the rules' order. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void run(RuleDefinition.Event event, long ticketId) {
    Optional<Ticket> found = tickets.find(ticketId);
    if (found.isEmpty()) {
      return;
    }
    for (Rule rule : rules.active(event)) {
      if (rule.definition().matches(facts(found.get()))) {
        fire(rule, found.get(), null);
      }
    }
  }

  /** One time rule on one waiting ticket, claimed by the wait's start; false if claimed already. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean fireWaiting(long ruleId, long ticketId, Instant since) {
    Optional<Rule> rule = rules.find(ruleId).filter(Rule::isActive);
    Optional<Ticket> ticket = tickets.find(ticketId).filter(t -> t.getStatus().isOpen());
    if (rule.isEmpty()
        || ticket.isEmpty()
        || !rule.get().definition().matches(facts(ticket.get()))) {
      return false;
    }
    return fire(rule.get(), ticket.get(), Times.utc(since).toString());
  }

  /** The ticket as the conditions see it. */
  public TicketFacts facts(Ticket ticket) {
    Set<String> customer = new LinkedHashSet<>();
    customer.add(ticket.getCustomer().getName());
    ticket.getCustomer().getContacts().stream()
        .map(CustomerContact::getValue)
        .forEach(customer::add);
    return new TicketFacts(
        ticket.getSubject(),
        tickets.lastInbound(ticket).map(Message::getText).orElse(""),
        Enums.json(ticket.getChannel()),
        Set.copyOf(ticket.getTagNames().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()),
        Enums.json(ticket.getPriority()),
        Enums.json(ticket.getStatus()),
        ticket.getAssignee() == null ? null : ticket.getAssignee().getUsername(),
        customer,
        acknowledgements.isOpen(ticket, clock.instant()),
        ticket.getSourceId(),
        ticket.getCsatScore());
  }

  private boolean fire(Rule rule, Ticket ticket, String anchor) {
    // The rule's row lock serializes its firings on every server: the storm count below is exact,
    // and once paused no firing slips through.
    em.refresh(rule, LockModeType.PESSIMISTIC_WRITE);
    if (!rule.isActive()) {
      return false;
    }
    Instant now = clock.instant();
    RuleDefinition definition = rule.definition();
    boolean mayReply =
        definition.replies()
            && !rules.repliedSince(rule.getId(), ticket.getId(), now.minus(Duration.ofDays(1)));
    if (!rules.recordFiring(rule.getId(), ticket.getId(), now, mayReply, anchor)) {
      return false;
    }
    String actor = "Automation: " + rule.getName();
    for (RuleDefinition.Action action : definition.actions()) {
      try {
        apply(action, ticket, actor, now, mayReply);
      } catch (DomainException refused) {
        // One refused action (a move the status machine forbids, an unknown agent) skips only it.
        LOG.log(Level.WARNING, actor + ": " + Enums.json(action.action()) + " refused", refused);
      }
    }
    if (rules.firingsSince(rule.getId(), now.minus(stormWindow())) >= STORM) {
      pause(rule, now);
    }
    return true;
  }

  private void apply(
      RuleDefinition.Action action, Ticket ticket, String actor, Instant now, boolean mayReply) {
    switch (action.action()) {
      case ASSIGN ->
          ticket.assign(
              agents
                  .findByUsername(action.text())
                  .orElseThrow(
                      () ->
                          new org.ventanilla.common.InvalidInputException(
                              "unknown_agent", "No agent " + action.text())),
              actor,
              now);
      case ROUND_ROBIN -> assignment.handOutNow(ticket, actor);
      case SET_PRIORITY ->
          ticket.changePriority(
              Enums.parse(Priority.class, "priority", action.text()), actor, now, sla);
      case SET_STATUS ->
          ticket.changeStatus(
              Enums.parse(TicketStatus.class, "status", action.text()), actor, now, sla);
      case ADD_TAG -> ticket.tag(tags.findOrCreate(action.text(), now), actor, now);
      case REMOVE_TAG -> tags.findByName(action.text()).ifPresent(t -> ticket.untag(t, actor, now));
      case REPLY -> {
        if (mayReply) {
          reply(action, ticket, actor, now);
        }
      }
      case NOTE ->
          tickets.add(
              ticket.automaticNote(
                  actor,
                  CannedResponse.fill(action.text(), AutoAcknowledgements.variables(ticket)),
                  now));
      case NOTIFY ->
          agents
              .findByUsername(action.text())
              .ifPresent(
                  agent ->
                      em.persist(
                          Notification.of(
                              agent,
                              ticket,
                              "rule",
                              actor + " · #" + ticket.getNumber() + " " + ticket.getSubject(),
                              now)));
      case SNOOZE -> ticket.snooze(snoozeUntil(action, now), actor, now);
    }
  }

  /**
   * A snooze action's value: minutes from now (a number), an ISO-8601 time, or {@code
   * "customer_reply"} (answered as null: until the customer writes).
   */
  static Instant snoozeUntil(RuleDefinition.Action action, Instant now) {
    if (action.value() instanceof jakarta.json.JsonNumber minutes) {
      return now.plus(Duration.ofMinutes(Math.max(1, minutes.longValue())));
    }
    String text = action.text().strip();
    if (org.ventanilla.ticket.TicketSnoozing.CUSTOMER_REPLY.equals(text)) {
      return null;
    }
    if (text.chars().allMatch(Character::isDigit)) {
      return now.plus(Duration.ofMinutes(Math.max(1, Long.parseLong(text))));
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new org.ventanilla.common.InvalidInputException(
          "snooze takes minutes, an ISO-8601 time or \"customer_reply\"");
    }
  }

  private void reply(RuleDefinition.Action action, Ticket ticket, String actor, Instant now) {
    Optional<Message> last = tickets.lastInbound(ticket);
    if (last.isEmpty() || !guards.mayAutoReply(ticket, last.get(), now)) {
      return;
    }
    Long cannedId = action.cannedResponseId();
    String body =
        cannedId == null
            ? action.text()
            : Optional.ofNullable(em.find(CannedResponse.class, cannedId))
                .map(CannedResponse::getBody)
                .orElseThrow(
                    () -> new org.ventanilla.common.NotFoundException("CannedResponse", cannedId));
    Message reply =
        ticket.automaticReply(
            actor, CannedResponse.fill(body, AutoAcknowledgements.variables(ticket)), now);
    tickets.add(reply);
    replies.of(ticket).send(ticket, reply, now);
  }

  /**
   * The storm guard's window: a minute, unless {@code ventanilla.automation.storm.window.seconds}
   * says otherwise (the ITs widen it, so a loaded build machine still gets 100 firings in).
   */
  static Duration stormWindow() {
    return Duration.ofSeconds(
        org.ventanilla.platform.Settings.get("ventanilla.automation.storm.window.seconds")
            .map(Long::parseLong)
            .orElse(60L));
  }

  private void pause(Rule rule, Instant now) {
    Duration window = stormWindow();
    String reason =
        "fired "
            + STORM
            + " times within "
            + (window.equals(Duration.ofMinutes(1)) ? "a minute" : window.toSeconds() + " seconds");
    rule.pause(reason);
    LOG.warning(() -> "Rule '" + rule.getName() + "' paused: " + reason);
    for (Agent admin : agents.findAll()) {
      if (admin.getRole() == Role.ADMIN && admin.isActive()) {
        em.persist(
            Notification.of(
                admin,
                null,
                "rule_paused",
                "Rule '" + rule.getName() + "' was paused: " + reason,
                now));
      }
    }
  }
}
