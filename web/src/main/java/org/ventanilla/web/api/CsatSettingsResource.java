package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.csat.CsatService;

/** {@code /settings/csat}: whether resolved tickets get a survey (admins change it). */
@Path("settings/csat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CsatSettingsResource {

  @Inject CsatService csat;

  @GET
  public CsatService.SettingsView get() {
    return csat.settings();
  }

  /** {@code {"enabled":true,"whatsappTemplate":"name"}}; the template is optional. */
  @PUT
  public CsatService.SettingsView put(JsonObject body) {
    Created.requireBody(body);
    JsonValue enabled = body.get("enabled");
    if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
      throw new InvalidInputException("enabled must be true or false");
    }
    JsonValue template = body.get("whatsappTemplate");
    String name = null;
    if (template instanceof JsonString s) {
      name = s.getString();
    } else if (template != null && template.getValueType() != JsonValue.ValueType.NULL) {
      throw new InvalidInputException("whatsappTemplate must be a string");
    }
    return csat.change(enabled == JsonValue.TRUE, name);
  }
}
