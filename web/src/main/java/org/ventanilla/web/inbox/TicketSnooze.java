package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketSnoozing;
import org.ventanilla.web.faces.Feedback;

/**
 * Snoozing the ticket on its page: for an hour, until tomorrow morning, until the customer replies,
 * or back now. Snoozing is a state of the open ticket, not a status.
 */
@Named
@ViewScoped
public class TicketSnooze implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TicketInView view;
  @Inject TicketSnoozing snoozing;

  public void forAnHour() {
    change(OffsetDateTime.now().plusHours(1).toString());
  }

  /** Tomorrow at 9:00, server time. */
  public void untilTomorrow() {
    ZonedDateTime tomorrow =
        ZonedDateTime.now(ZoneId.systemDefault()).plusDays(1).with(LocalTime.of(9, 0));
    change(tomorrow.toOffsetDateTime().toString());
  }

  public void untilCustomerReplies() {
    change(TicketSnoozing.CUSTOMER_REPLY);
  }

  public void wake() {
    change(null);
  }

  private void change(String until) {
    TicketDetails ticket = view.getTicket();
    if (ticket == null) {
      return;
    }
    if (Feedback.run(() -> snoozing.change(ticket.id(), until))) {
      Feedback.info("ticket.saved");
    }
    view.load();
  }

  /** The loaded ticket's snooze: an ISO time, {@code customer_reply} or null. */
  public String getSnoozedUntil() {
    TicketDetails ticket = view.getTicket();
    return ticket == null ? null : ticket.snoozedUntil();
  }

  public boolean isUntilReply() {
    return TicketSnoozing.CUSTOMER_REPLY.equals(getSnoozedUntil());
  }
}
