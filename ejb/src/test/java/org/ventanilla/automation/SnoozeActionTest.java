package org.ventanilla.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class SnoozeActionTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private static RuleDefinition.Action snooze(jakarta.json.JsonValue value) {
    return new RuleDefinition.Action(RuleDefinition.ActionKind.SNOOZE, value);
  }

  @Test
  @DisplayName("a number is minutes from now, as a number or as text")
  void minutes() {
    assertEquals(
        NOW.plus(Duration.ofMinutes(30)),
        RuleEngine.snoozeUntil(snooze(Json.createValue(30)), NOW));
    assertEquals(
        NOW.plus(Duration.ofMinutes(90)),
        RuleEngine.snoozeUntil(snooze(Json.createValue("90")), NOW));
  }

  @Test
  @DisplayName(
      "customer_reply waits for the customer; an ISO time is that time; anything else is refused")
  void replyTimeAndNonsense() {
    assertNull(RuleEngine.snoozeUntil(snooze(Json.createValue("customer_reply")), NOW));
    assertEquals(
        Instant.parse("2026-12-08T08:00:00Z"),
        RuleEngine.snoozeUntil(snooze(Json.createValue("2026-12-08T09:00:00+01:00")), NOW));
    assertThrows(
        InvalidInputException.class,
        () -> RuleEngine.snoozeUntil(snooze(Json.createValue("mañana")), NOW));
  }
}
