package org.ventanilla.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketStatus;

class TicketQueryParamsTest {

  @Test
  void openMeansNewAndInProgress() {
    TicketFilter filter = TicketQueryParams.filter("open", null, null, null, "ana");
    assertEquals(EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS), filter.statuses());
  }

  @Test
  void noStatusMeansEveryTicket() {
    assertNull(TicketQueryParams.filter(null, null, null, null, "ana").statuses());
  }

  @Test
  void meIsTheCallerAndNoneIsUnassigned() {
    assertEquals("ana", TicketQueryParams.filter(null, null, "me", null, "ana").assignee());
    TicketFilter unassigned = TicketQueryParams.filter(null, null, "none", null, "ana");
    assertTrue(unassigned.unassigned());
    assertNull(unassigned.assignee());
  }

  @Test
  void channelIsParsedAndUnknownValuesAreClearErrors() {
    assertEquals(
        ChannelType.WHATSAPP,
        TicketQueryParams.filter(null, "whatsapp", null, null, "a").channel());
    assertThrows(
        InvalidInputException.class,
        () -> TicketQueryParams.filter("closed", null, null, null, "a"));
    assertThrows(
        InvalidInputException.class,
        () -> TicketQueryParams.filter(null, "fax' OR 1=1 --", null, null, "a"));
  }

  @Test
  void ifMatchAcceptsStrongWeakAndAnyTags() {
    assertEquals(3L, TicketResource.expectedVersion("\"3\""));
    assertEquals(3L, TicketResource.expectedVersion("W/\"3\""));
    assertNull(TicketResource.expectedVersion("*"));
    assertNull(TicketResource.expectedVersion(null));
    assertEquals(-1L, TicketResource.expectedVersion("\"garbage\""));
  }

  @Test
  void slaBreachingIsTheOnlySlaFilter() {
    assertTrue(
        TicketQueryParams.filter("open", null, null, null, null, "breaching", "a").breaching());
    assertFalse(TicketQueryParams.filter("open", null, null, null, null, null, "a").breaching());
    assertThrows(
        InvalidInputException.class,
        () -> TicketQueryParams.filter(null, null, null, null, null, "late", "a"));
  }
}
