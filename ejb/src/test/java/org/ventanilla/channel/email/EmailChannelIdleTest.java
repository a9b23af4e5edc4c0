package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailChannelIdleTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  private static MailServer imap(Boolean idle) {
    return new MailServer("imap.example.com", 993, "ssl", "soporte", null, null, null, idle);
  }

  @Test
  @DisplayName("a mailbox may use IDLE unless its admin says otherwise")
  void idleByDefault() {
    EmailChannel channel = new EmailChannel("Soporte", "soporte@example.com", NOW);
    assertTrue(channel.wantsIdle());
    channel.configureImap(imap(null), null);
    assertTrue(channel.wantsIdle());
  }

  @Test
  @DisplayName("idle false leaves the mailbox to polling; an update without idle keeps the choice")
  void idleOffIsKept() {
    EmailChannel channel = new EmailChannel("Soporte", "soporte@example.com", NOW);
    channel.configureImap(imap(false), null);
    assertFalse(channel.wantsIdle());
    channel.configureImap(imap(null), null);
    assertFalse(channel.wantsIdle());
    channel.configureImap(imap(true), null);
    assertTrue(channel.wantsIdle());
  }
}
