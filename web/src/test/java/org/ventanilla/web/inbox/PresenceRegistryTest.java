package org.ventanilla.web.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.web.inbox.PresenceRegistry.Presence;

class PresenceRegistryTest {

  private Instant now = Instant.parse("2026-11-25T10:00:00Z");
  private final PresenceRegistry registry = new PresenceRegistry();

  PresenceRegistryTest() {
    registry.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
  }

  @Test
  @DisplayName("an agent sees the others on the ticket, writers marked, never themselves")
  void othersViewingAndTyping() {
    registry.viewing(7, "ana", "Ana");
    registry.typing(7, "luis", "Luis");
    registry.viewing(7, "me", "Me");

    assertEquals(
        List.of(new Presence("luis", "Luis", true), new Presence("ana", "Ana", false)),
        registry.others(7, "me"));
  }

  @Test
  @DisplayName("writing fades after a few seconds, presence after the heartbeats stop")
  void expiry() {
    registry.typing(7, "ana", "Ana");
    now = now.plus(Duration.ofSeconds(6));
    registry.viewing(7, "ana", "Ana");
    assertEquals(List.of(new Presence("ana", "Ana", false)), registry.others(7, "me"));

    now = now.plus(Duration.ofSeconds(11));
    assertEquals(List.of(), registry.others(7, "me"));
  }
}
