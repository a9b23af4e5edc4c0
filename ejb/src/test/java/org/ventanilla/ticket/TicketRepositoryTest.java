package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TicketRepositoryTest {

  @Test
  @DisplayName("LIKE wildcards and the escape character typed by a person are escaped, not dropped")
  void likeEscaping() {
    assertEquals("100\\%\\_off", TicketRepository.likeEscaped("100%_off"));
    assertEquals("c:\\\\temp\\\\", TicketRepository.likeEscaped("c:\\temp\\"));
    assertEquals("plain", TicketRepository.likeEscaped("plain"));
  }
}
