package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailSignatureTest {

  private static final MailSignature.Values VALUES =
      new MailSignature.Values(
          "Ana María Pérez",
          "ana@example.com",
          "Soporte Acme",
          "soporte@acme.test",
          1042,
          "Pedido roto",
          "Lucía");

  @Test
  @DisplayName("Placeholders are filled; an unknown one stays as typed")
  void placeholdersAreFilled() {
    assertEquals(
        "Ana ($1) · Ana María Pérez · Soporte Acme <soporte@acme.test> · #1042 · {agent.phone}",
        MailSignature.fill(
            "{agent.firstName} ($1) · {agent.name} · {mailbox.name} <{mailbox.address}> ·"
                + " {ticket.number} · {agent.phone}",
            VALUES));
  }

  @Test
  @DisplayName("The agent's signature comes above the mailbox's; none when both are blank")
  void agentAboveMailbox() {
    assertEquals(
        "Ana\n\nSoporte Acme", MailSignature.of("{agent.firstName}", "{mailbox.name}", VALUES));
    assertEquals("Soporte Acme", MailSignature.of("  ", "{mailbox.name}", VALUES));
    assertEquals("Ana", MailSignature.of("{agent.firstName}", null, VALUES));
    assertNull(MailSignature.of(null, "", VALUES));
  }
}
