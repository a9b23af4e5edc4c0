package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Snoozing an open ticket (issue 18): out of the open views, back by itself or at a reply. */
@ExtendWith(ArquillianExtension.class)
class SnoozeIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  @Test
  @DisplayName("a ticket snoozed for a while leaves the open views and comes back by itself")
  void snoozedForAWhileComesBack() {
    String token = "snz" + UUID.randomUUID().toString().substring(0, 8);
    int id = open("Luego " + token);
    String until = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20).toString();

    Api.Response snoozed =
        admin.patch("tickets/" + id, "{\"snoozedUntil\":\"" + until + "\"}", Map.of());

    assertEquals(200, snoozed.status(), snoozed::toString);
    assertFalse(snoozed.object().isNull("snoozedUntil"), snoozed::toString);
    assertEquals("new", snoozed.object().getString("status"), "snoozing is not a status");
    assertFalse(listed("tickets?status=open&size=200", id), "left the open view");
    assertTrue(listed("tickets?snoozed=true&size=200", id), "listed as snoozed");

    JsonObject back =
        Eventually.await(
            "ticket " + id + " to come back",
            () -> {
              JsonObject t = admin.get("tickets/" + id).object();
              return t.isNull("snoozedUntil") ? Optional.of(t) : Optional.empty();
            },
            Duration.ofSeconds(90));
    assertTrue(hasEvent(back, "snoozed") && hasEvent(back, "unsnoozed"), back::toString);
    assertTrue(listed("tickets?status=open&size=200", id), "back in the open view");
  }

  @Test
  @DisplayName(
      "snoozed until the customer replies shows so; a bad time is refused; null brings it back")
  void snoozedUntilCustomerReply() {
    String email = "snooze+" + UUID.randomUUID() + "@example.com";
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Espero","text":"Hola","customer":{"name":"Cliente","email":"%s"}}"""
                .formatted(email));
    int id = created.object().getInt("id");
    Api.Response snoozed =
        admin.patch("tickets/" + id, "{\"snoozedUntil\":\"customer_reply\"}", Map.of());
    assertEquals("customer_reply", snoozed.object().getString("snoozedUntil"), snoozed::toString);

    Api.Response bad = admin.patch("tickets/" + id, "{\"snoozedUntil\":\"mañana\"}", Map.of());
    assertEquals(422, bad.status(), bad::toString);
    Api.Response woken = admin.patch("tickets/" + id, "{\"snoozedUntil\":null}", Map.of());
    assertEquals(JsonValue.NULL, woken.object().get("snoozedUntil"), woken::toString);
  }

  private boolean listed(String path, int id) {
    return admin.get(path).object().getJsonArray("items").stream()
        .anyMatch(t -> t.asJsonObject().getInt("id") == id);
  }

  private static boolean hasEvent(JsonObject ticket, String type) {
    return ticket.getJsonArray("events").stream()
        .anyMatch(e -> type.equals(e.asJsonObject().getString("type")));
  }

  private int open(String subject) {
    Api.Response response =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Hola","customer":{"name":"Cliente","email":"s+%s@example.com"}}"""
                .formatted(subject, UUID.randomUUID()));
    assertEquals(201, response.status(), response::toString);
    return response.object().getInt("id");
  }
}
