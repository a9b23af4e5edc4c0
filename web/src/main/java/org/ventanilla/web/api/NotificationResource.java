package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ventanilla.sla.NotificationService;
import org.ventanilla.sla.NotificationView;

/** The caller's notifications (SLA warnings and breaches), newest first. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

  @Inject NotificationService notifications;

  @GET
  public List<NotificationView> mine() {
    return notifications.mine();
  }
}
