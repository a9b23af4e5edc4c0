package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  @DisplayName("free text is allowed until 24 hours after the customer's last message")
  void openWithin24Hours() {
    assertTrue(CustomerServiceWindow.isOpen(NOW.minus(Duration.ofHours(23).plusMinutes(59)), NOW));
    assertDoesNotThrow(() -> CustomerServiceWindow.requireOpen(NOW.minusSeconds(60), NOW));
  }

  @Test
  @DisplayName("at 24 hours and later, and when the customer never wrote, the window is closed")
  void closedAfter24Hours() {
    assertFalse(CustomerServiceWindow.isOpen(NOW.minus(Duration.ofHours(24)), NOW));
    assertFalse(CustomerServiceWindow.isOpen(NOW.minus(Duration.ofDays(3)), NOW));
    assertFalse(CustomerServiceWindow.isOpen(null, NOW));
    WindowClosedException e =
        assertThrows(
            WindowClosedException.class,
            () -> CustomerServiceWindow.requireOpen(NOW.minus(Duration.ofDays(2)), NOW));
    assertEquals("whatsapp_window_closed", e.code());
  }
}
