package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.customer.Customer;

class TicketTest {

  private static final SlaTerms.Source NO_SLA = (priority, channel) -> SlaTerms.NONE;

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private final Customer lucia = new Customer("Lucía García", T0);
  private final Agent ana =
      new Agent("ana@example.com", "Ana López", "ana@example.com", Role.AGENT, T0);

  private Ticket newTicket() {
    Ticket ticket =
        Ticket.open(
            1001,
            "Pedido sin recibir",
            "Hola",
            ChannelType.EMAIL,
            null,
            lucia,
            "system",
            T0,
            NO_SLA);
    ticket.drainEvents();
    return ticket;
  }

  @Nested
  @DisplayName("status machine")
  class StatusMachine {

    @Test
    void newTicketCanBeTakenIntoWorkOrResolved() {
      assertTrue(TicketStatus.NEW.canMoveTo(TicketStatus.IN_PROGRESS));
      assertTrue(TicketStatus.NEW.canMoveTo(TicketStatus.RESOLVED));
      assertTrue(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.RESOLVED));
      assertTrue(TicketStatus.RESOLVED.canMoveTo(TicketStatus.IN_PROGRESS));
    }

    @Test
    void nothingEverGoesBackToNew() {
      for (TicketStatus from : TicketStatus.values()) {
        assertFalse(from.canMoveTo(TicketStatus.NEW), from + " -> new");
      }
      assertFalse(TicketStatus.IN_PROGRESS.canMoveTo(TicketStatus.NEW));
    }

    @Test
    void illegalTransitionIsRefusedAndChangesNothing() {
      Ticket ticket = newTicket();
      ticket.changeStatus(TicketStatus.IN_PROGRESS, "ana", T0.plusSeconds(1), NO_SLA);
      ticket.drainEvents();

      IllegalTransitionException e =
          assertThrows(
              IllegalTransitionException.class,
              () -> ticket.changeStatus(TicketStatus.NEW, "ana", T0.plusSeconds(2), NO_SLA));

      assertEquals("illegal_transition", e.code());
      assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
      assertTrue(ticket.drainEvents().isEmpty());
    }

    @Test
    void resolvingRecordsTheTimeAndReopeningClearsIt() {
      Ticket ticket = newTicket();
      ticket.changeStatus(TicketStatus.RESOLVED, "ana", T0.plusSeconds(60), NO_SLA);
      assertEquals(T0.plusSeconds(60), ticket.getResolvedAt());

      ticket.changeStatus(TicketStatus.IN_PROGRESS, "ana", T0.plusSeconds(120), NO_SLA);

      assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
      assertNull(ticket.getResolvedAt());
      List<TicketEvent> events = ticket.drainEvents();
      assertEquals(TicketEventType.REOPENED, events.get(events.size() - 1).getType());
    }

    @Test
    void sameStatusAgainIsNoChangeAndNoEvent() {
      Ticket ticket = newTicket();
      ticket.changeStatus(TicketStatus.NEW, "ana", T0.plusSeconds(1), NO_SLA);
      assertTrue(ticket.drainEvents().isEmpty());
    }
  }

  @Nested
  @DisplayName("conversation")
  class Conversation {

    @Test
    void firstAgentReplySetsFirstResponseAndStartsWork() {
      Ticket ticket = newTicket();

      Message reply = ticket.reply(ana, "Lo revisamos", T0.plusSeconds(300));

      assertEquals(T0.plusSeconds(300), ticket.getFirstResponseAt());
      assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
      assertEquals(DeliveryStatus.QUEUED, reply.getDeliveryStatus());
      assertEquals(MessageDirection.OUTBOUND, reply.getDirection());
    }

    @Test
    void laterRepliesKeepTheFirstResponseTime() {
      Ticket ticket = newTicket();
      ticket.reply(ana, "Uno", T0.plusSeconds(300));
      ticket.reply(ana, "Dos", T0.plusSeconds(900));
      assertEquals(T0.plusSeconds(300), ticket.getFirstResponseAt());
    }

    @Test
    void noteIsInternalAndIsNotAFirstResponse() {
      Ticket ticket = newTicket();

      Message note = ticket.note(ana, "Cliente VIP", T0.plusSeconds(10));

      assertEquals(MessageKind.NOTE, note.getKind());
      assertNull(note.getDeliveryStatus());
      assertNull(ticket.getFirstResponseAt());
      assertEquals(TicketStatus.NEW, ticket.getStatus());
    }

    @Test
    void customerWritingAfterResolutionReopensTheTicket() {
      Ticket ticket = newTicket();
      ticket.changeStatus(TicketStatus.RESOLVED, "ana", T0.plusSeconds(60), NO_SLA);

      ticket.receive(
          new InboundContent(
              "Lucía García", "lucia@example.com", null, "Sigue sin llegar", null, "<id@x>", false),
          T0.plusSeconds(3600),
          NO_SLA);

      assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
      assertEquals(T0.plusSeconds(3600), ticket.getLastInboundAt());
      assertEquals(T0.plusSeconds(3600), ticket.getUpdatedAt());
    }

    @Test
    void automaticReplyIsKeptButReopensNothing() {
      Ticket ticket = newTicket();
      ticket.changeStatus(TicketStatus.RESOLVED, "ana", T0.plusSeconds(60), NO_SLA);

      Message vacation =
          ticket.receive(
              new InboundContent(
                  "Lucía",
                  "lucia@example.com",
                  "Fuera de la oficina",
                  "Vuelvo el lunes",
                  null,
                  "<v@x>",
                  true),
              T0.plusSeconds(120),
              NO_SLA);

      assertTrue(vacation.isAutomated());
      assertEquals(TicketStatus.RESOLVED, ticket.getStatus());
      assertNull(ticket.getLastInboundAt());
    }

    @Test
    void emptyReplyIsRefused() {
      Ticket ticket = newTicket();
      assertThrows(InvalidInputException.class, () -> ticket.reply(ana, "   ", T0));
    }
  }

  @Test
  void assigningRecordsWhoHadItAndWhoHasIt() {
    Ticket ticket = newTicket();

    ticket.assign(ana, "admin", T0.plusSeconds(5));

    List<TicketEvent> events = ticket.drainEvents();
    assertEquals(1, events.size());
    assertEquals(TicketEventType.ASSIGNED, events.get(0).getType());
    assertNull(events.get(0).getBefore());
    assertEquals("ana@example.com", events.get(0).getAfter());
    assertEquals(ana, ticket.getAssignee());
  }

  @Test
  void deactivatedAgentTakesNoNewTickets() {
    Ticket ticket = newTicket();
    ana.deactivate();
    assertThrows(InvalidInputException.class, () -> ticket.assign(ana, "admin", T0));
  }

  @Test
  void whatsappTicketTakesItsSubjectFromTheFirstLine() {
    Ticket ticket =
        Ticket.open(
            1002,
            null,
            "¿Tenéis talla M?\nGracias",
            ChannelType.WHATSAPP,
            null,
            lucia,
            "system",
            T0,
            NO_SLA);
    assertEquals("¿Tenéis talla M?", ticket.getSubject());
  }

  @Test
  void subjectLosesLineBreaksThatCouldForgeHeaders() {
    assertEquals("a b", Ticket.cleanSubject("a\r\nb"));
    assertNotNull(Ticket.cleanSubject(null));
  }

  @Test
  void deliveryStatusOnlyMovesForward() {
    Ticket ticket = newTicket();
    Message reply = ticket.reply(ana, "Hola", T0);

    assertTrue(reply.updateDelivery(DeliveryStatus.READ, null));
    assertFalse(reply.updateDelivery(DeliveryStatus.DELIVERED, null));
    assertEquals(DeliveryStatus.READ, reply.getDeliveryStatus());

    assertTrue(reply.updateDelivery(DeliveryStatus.FAILED, "131047 Re-engagement message"));
    assertFalse(reply.updateDelivery(DeliveryStatus.READ, null));
    assertEquals(DeliveryStatus.FAILED, reply.getDeliveryStatus());
    assertEquals("131047 Re-engagement message", reply.getDeliveryError());
  }
}
