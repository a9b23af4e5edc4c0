package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void defaultsToTheFirstPageOf25() {
    Page.PageRequest request = Page.request(null, null);
    assertEquals(0, request.page());
    assertEquals(25, request.size());
  }

  @Test
  void offsetIsPageTimesSize() {
    assertEquals(150, Page.request(3, 50).offset());
  }

  @Test
  void sizeOver200OrNegativePageIsRefused() {
    assertThrows(InvalidInputException.class, () -> Page.request(0, 201));
    assertThrows(InvalidInputException.class, () -> Page.request(-1, 10));
    assertThrows(InvalidInputException.class, () -> Page.request(0, 0));
  }

  @Test
  void aPageWhoseOffsetWouldOverflowIsRefused() {
    assertThrows(InvalidInputException.class, () -> Page.request(Integer.MAX_VALUE, 200));
    assertEquals(2_147_483_600, Page.request(10_737_418, 200).offset());
  }

  @Test
  void enumValuesAreParsedCaseInsensitivelyWithAClearError() {
    assertEquals(
        org.ventanilla.ticket.TicketStatus.IN_PROGRESS,
        Enums.parse(org.ventanilla.ticket.TicketStatus.class, "status", "in_progress"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> Enums.parse(org.ventanilla.ticket.TicketStatus.class, "status", "closed"));
    assertEquals("status must be one of new|in_progress|resolved, not 'closed'", e.getMessage());
  }
}
