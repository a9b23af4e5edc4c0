package org.ventanilla.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

  private Instant now = Instant.parse("2026-12-07T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final FailedSignIns failures = new FailedSignIns(clock);

  @Test
  void theAdminSeesHowManyWhenAndFromWhere() {
    failures.record("Admin", "203.0.113.7");
    now = now.plusSeconds(30);
    failures.record("admin", "198.51.100.2");
    FailedSignIns.Recent recent = failures.of("ADMIN").orElseThrow();
    assertEquals(2, recent.count());
    assertEquals(now, recent.last());
    assertEquals("198.51.100.2", recent.lastAddress());
  }

  @Test
  void aDayLaterTheyAreGone() {
    failures.record("ana@example.com", "203.0.113.7");
    now = now.plus(Duration.ofHours(25));
    assertTrue(failures.of("ana@example.com").isEmpty());
    failures.record("ana@example.com", "203.0.113.7");
    assertEquals(1, failures.of("ana@example.com").orElseThrow().count());
  }
}
