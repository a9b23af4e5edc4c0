package org.ventanilla.web.profile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import org.primefaces.PrimeFaces;
import org.ventanilla.ticket.AgentAlerts;

/**
 * The layout's poll for the signed-in agent: what happened to their tickets since the page opened
 * (handed to the page's script, which shows browser notifications and the unread count in the
 * title). The cursor lives with the page, so every tab tells of each event once.
 */
@Named
@ViewScoped
public class MyAlerts implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AgentAlerts alerts;

  private Long cursor;

  /** p:poll listener: the alerts since the last poll as the callback parameter "alerts". */
  public void poll() {
    AgentAlerts.Alerts found = alerts.since(cursor);
    cursor = found.cursor();
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (AgentAlerts.Alert a : found.alerts()) {
      list.add(
          Json.createObjectBuilder()
              .add("kind", a.kind())
              .add("ticketId", a.ticketId())
              .add("number", a.number())
              .add("subject", a.subject()));
    }
    PrimeFaces.current()
        .ajax()
        .addCallbackParam(
            "alerts",
            Json.createObjectBuilder()
                .add("unread", found.unread())
                .add("alerts", list)
                .build()
                .toString());
  }
}
