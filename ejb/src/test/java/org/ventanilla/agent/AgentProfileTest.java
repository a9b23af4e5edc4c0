package org.ventanilla.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class AgentProfileTest {

  private final Agent agent = new Agent("ana", "Ana", "ana@example.com", Role.AGENT, Instant.EPOCH);

  @Test
  @DisplayName("a new agent hears of every event in the browser and gets no e-mail")
  void newAgentsGetTheDefaultChoices() {
    assertEquals(NotificationChoices.defaults(), agent.getNotifications());
    assertEquals(new NotificationChoices(true, true, true, false), agent.getNotifications());
  }

  @Test
  @DisplayName("the profile renames, keeps the signature stripped and forgets a blank one")
  void profileRenamesAndSigns() {
    agent.changeProfile(" Ana Pérez ", "  Un saludo, Ana  ");
    assertEquals("Ana Pérez", agent.getDisplayName());
    assertEquals("Un saludo, Ana", agent.getSignature());

    agent.changeProfile("Ana Pérez", "   ");
    assertNull(agent.getSignature());
  }

  @Test
  @DisplayName("a profile without a display name is refused")
  void profileNeedsAName() {
    assertThrows(InvalidInputException.class, () -> agent.changeProfile(" ", null));
  }

  @Test
  @DisplayName("the notification choices are stored as given")
  void notificationChoicesAreKept() {
    NotificationChoices choices = new NotificationChoices(false, true, false, true);
    agent.changeNotifications(choices);
    assertEquals(choices, agent.getNotifications());
  }
}
