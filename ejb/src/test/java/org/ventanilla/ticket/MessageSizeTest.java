package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ContentTooLargeException;
import org.ventanilla.customer.Customer;

class MessageSizeTest {

  private static final SlaTerms.Source NO_SLA = (priority, channel) -> SlaTerms.NONE;

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  private static final String TWO_MB = "x".repeat(2 * Message.MAX_CONTENT);
  private final Customer lucia = new Customer("Lucía García", T0);
  private final Agent ana =
      new Agent("ana@example.com", "Ana López", "ana@example.com", Role.AGENT, T0);
  private final Ticket ticket =
      Ticket.open(1001, "Pedido", "Hola", ChannelType.EMAIL, null, lucia, "system", T0, NO_SLA);

  @Test
  @DisplayName("a reply or a note over 1 MB is refused whole, never stored cut")
  void oversizedReplyAndNoteAreRefused() {
    ContentTooLargeException e =
        assertThrows(ContentTooLargeException.class, () -> ticket.reply(ana, TWO_MB, T0));
    assertEquals("payload_too_large", e.code());
    assertThrows(ContentTooLargeException.class, () -> ticket.note(ana, TWO_MB, T0));
    assertEquals(TicketStatus.NEW, ticket.getStatus(), "the refused reply started no work");
  }

  @Test
  @DisplayName("an inbound text or HTML over 1 MB is refused")
  void oversizedInboundIsRefused() {
    assertThrows(
        ContentTooLargeException.class,
        () -> ticket.receive(InboundContent.of("Lucía", "l@example.com", "s", TWO_MB), T0, NO_SLA));
    assertThrows(
        ContentTooLargeException.class,
        () ->
            ticket.receive(
                new InboundContent("Lucía", "l@example.com", "s", "hola", TWO_MB, null, false),
                T0,
                NO_SLA));
  }

  @Test
  @DisplayName("a text of exactly the limit is kept whole")
  void textAtTheLimitIsKept() {
    String full = "y".repeat(Message.MAX_CONTENT);
    assertEquals(full, ticket.reply(ana, full, T0).getText());
  }

  @Test
  @DisplayName("a channel's cut keeps the beginning, says so, and fits the limit")
  void cutFitsAndSaysSo() {
    String cut = Message.cut(TWO_MB, "\n\n[cut]");
    assertEquals(Message.MAX_CONTENT, cut.length());
    assertTrue(cut.startsWith("xxx") && cut.endsWith("\n\n[cut]"));
    String small = "hola";
    assertSame(small, Message.cut(small, "[cut]"));
  }

  @Test
  @DisplayName("a cut never splits a character outside the basic plane")
  void cutKeepsSurrogatePairsWhole() {
    String emojis = "😀".repeat(Message.MAX_CONTENT);
    String cut = Message.cut(emojis, "[cut]");
    String kept = cut.substring(0, cut.length() - "[cut]".length());
    assertTrue(
        kept.length() % 2 == 0 && !Character.isHighSurrogate(kept.charAt(kept.length() - 1)));
  }
}
