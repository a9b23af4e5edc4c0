package org.ventanilla.csat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsatAnsweredTest {

  @Test
  @DisplayName("a low score is one of the two unhappy faces: 1 or 2, not 3")
  void lowScore() {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    assertTrue(new CsatAnswered(1, 1, null, now).low());
    assertTrue(new CsatAnswered(1, 2, "tarde", now).low());
    assertFalse(new CsatAnswered(1, 3, null, now).low());
    assertFalse(new CsatAnswered(1, 5, null, now).low());
  }
}
