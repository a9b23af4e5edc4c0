package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.Customer;

/** The ticket's SLA clocks: when they are set, stopped, restarted and breached. */
class TicketSlaTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private final Customer lucia = new Customer("Lucía García", T0);
  private final Agent ana =
      new Agent("ana@example.com", "Ana López", "ana@example.com", Role.AGENT, T0);

  /** 10 minutes to answer, 60 to resolve, around the clock; warnings at half time. */
  private static final SlaTerms TERMS =
      (clock, start) -> {
        Duration target = Duration.ofMinutes(clock == SlaClockKind.FIRST_RESPONSE ? 10 : 60);
        return Optional.of(new SlaDeadline(start.plus(target.dividedBy(2)), start.plus(target)));
      };

  /** The terms every test here is held to, whatever the priority. */
  private static final SlaTerms.Source POLICY = (priority, channel) -> TERMS;

  private Ticket newTicket() {
    Ticket ticket =
        Ticket.open(1001, "Pedido", "Hola", ChannelType.EMAIL, null, lucia, "system", T0, POLICY);
    assertFalse(ticket.isSlaStale(), "a new ticket gets its due times at once");
    ticket.drainEvents();
    return ticket;
  }

  @Test
  @DisplayName("opening sets both due times from the creation")
  void openingSetsDueTimes() {
    Ticket ticket = newTicket();
    assertFalse(ticket.isSlaStale());
    assertEquals(T0.plusSeconds(600), ticket.slaDueAt(SlaClockKind.FIRST_RESPONSE));
    assertEquals(T0.plusSeconds(300), ticket.slaWarnAt(SlaClockKind.FIRST_RESPONSE));
    assertEquals(T0.plusSeconds(3600), ticket.slaDueAt(SlaClockKind.RESOLUTION));
  }

  @Test
  @DisplayName("the first reply stops the first-response clock; an early one is no breach")
  void replyStopsFirstResponse() {
    Ticket ticket = newTicket();
    ticket.reply(ana, "Voy", T0.plusSeconds(120));
    assertFalse(ticket.isSlaRunning(SlaClockKind.FIRST_RESPONSE));
    assertTrue(ticket.isSlaRunning(SlaClockKind.RESOLUTION));
    assertEquals(List.of(), ticket.slaBreaches(T0.plusSeconds(1200)));
    assertThrows(
        IllegalStateException.class,
        () -> ticket.recordSlaAlert(SlaClockKind.FIRST_RESPONSE, true, T0.plusSeconds(600)));
  }

  @Test
  @DisplayName("a late reply and a running clock past its due time are breaches")
  void breaches() {
    Ticket ticket = newTicket();
    assertEquals(List.of(SlaClockKind.FIRST_RESPONSE), ticket.slaBreaches(T0.plusSeconds(601)));
    ticket.reply(ana, "Perdón", T0.plusSeconds(900));
    assertEquals(
        List.of(SlaClockKind.FIRST_RESPONSE, SlaClockKind.RESOLUTION),
        ticket.slaBreaches(T0.plusSeconds(3601)));
  }

  @Test
  @DisplayName("resolution stops the other clock; a reopening starts a new resolution clock")
  void reopenRestartsResolution() {
    Ticket ticket = newTicket();
    ticket.reply(ana, "Hecho", T0.plusSeconds(60));
    ticket.changeStatus(TicketStatus.RESOLVED, "ana", T0.plusSeconds(120), POLICY);
    assertFalse(ticket.isSlaRunning(SlaClockKind.RESOLUTION));
    assertFalse(ticket.isSlaStale());

    Instant reopened = T0.plusSeconds(7200);
    ticket.changeStatus(TicketStatus.IN_PROGRESS, "ana", reopened, POLICY);
    assertFalse(ticket.isSlaStale(), "re-planned as it reopened");
    assertEquals(reopened.plusSeconds(3600), ticket.slaDueAt(SlaClockKind.RESOLUTION));
    assertEquals(T0.plusSeconds(600), ticket.slaDueAt(SlaClockKind.FIRST_RESPONSE), "answered");
  }

  @Test
  @DisplayName("a priority change recomputes the running clocks from when they started")
  void priorityChangeRecomputes() {
    Ticket ticket = newTicket();
    SlaTerms.Source urgentHasNoPolicy = (p, c) -> p == Priority.URGENT ? SlaTerms.NONE : TERMS;
    ticket.changePriority(Priority.URGENT, "ana", T0.plusSeconds(30), urgentHasNoPolicy);
    assertFalse(ticket.isSlaStale());
    assertNull(ticket.slaDueAt(SlaClockKind.FIRST_RESPONSE));
    assertNull(ticket.slaDueAt(SlaClockKind.RESOLUTION));
    assertEquals(List.of(), ticket.slaBreaches(T0.plusSeconds(99_999)));
  }

  @Test
  @DisplayName("an alert on a running clock goes to the activity log")
  void alertIsAnEvent() {
    Ticket ticket = newTicket();
    ticket.recordSlaAlert(SlaClockKind.FIRST_RESPONSE, false, T0.plusSeconds(300));
    List<TicketEvent> events = ticket.drainEvents();
    assertEquals(1, events.size());
    assertEquals(TicketEventType.SLA_WARNING, events.get(0).getType());
    assertEquals("first_response", events.get(0).getAfter());
  }

  @Test
  @DisplayName(
      "the badge speaks for the running clocks: due, then due soon past the warning, then overdue;"
          + " a clock that stopped late is history")
  void badgeState() {
    Ticket ticket = newTicket();
    assertEquals(SlaView.DUE, SlaView.of(ticket, T0.plusSeconds(60)).state());
    assertEquals(SlaView.WARNING, SlaView.of(ticket, T0.plusSeconds(300)).state());
    SlaView overdue = SlaView.of(ticket, T0.plusSeconds(600));
    assertEquals(SlaView.OVERDUE, overdue.state());
    assertEquals(T0.plusSeconds(600), overdue.runningDueAt().toInstant());

    // Answered late: the resolution clock speaks now, on time; the late answer stays a breach.
    ticket.reply(ana, "Perdón", T0.plusSeconds(900));
    SlaView answered = SlaView.of(ticket, T0.plusSeconds(1000));
    assertEquals(SlaView.DUE, answered.state());
    assertEquals(T0.plusSeconds(3600), answered.runningDueAt().toInstant());
    assertEquals(List.of("first_response"), answered.breached());

    ticket.changeStatus(TicketStatus.RESOLVED, "ana", T0.plusSeconds(4000), POLICY);
    assertNull(SlaView.of(ticket, T0.plusSeconds(4000)).state());
  }
}
