package org.ventanilla.web.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.ticket.Priority;

class MenusTest {

  @Test
  @DisplayName("A ticket in progress is not offered 'new', which it would refuse")
  void inProgressTicketIsNotOfferedNew() {
    assertEquals(List.of("in_progress", "resolved"), Menus.statusesFrom("in_progress"));
  }

  @Test
  @DisplayName("A new ticket keeps its status selectable and may be taken or resolved")
  void newTicketOffersItsMoves() {
    assertEquals(List.of("new", "in_progress", "resolved"), Menus.statusesFrom("new"));
  }

  @Test
  @DisplayName("A resolved ticket may only be reopened")
  void resolvedTicketMayBeReopened() {
    assertEquals(List.of("in_progress", "resolved"), Menus.statusesFrom("resolved"));
  }

  @Test
  @DisplayName("An enum's menu lists its values lower-case, in order")
  void enumMenuListsValues() {
    assertEquals(List.of("low", "normal", "high", "urgent"), Menus.of(Priority.class));
  }
}
