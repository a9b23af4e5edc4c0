package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tickets API as a client uses it, against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class TicketApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  private JsonObject createEmailTicket(String subject, String email) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Hola, ¿dónde está mi pedido? 😊",
             "customer":{"name":"Lucía García","email":"%s"}}"""
                .formatted(subject, email));
    assertEquals(201, created.status(), created::toString);
    return created.object();
  }

  @Test
  @DisplayName("an inbound message creates a numbered ticket with its customer, message and event")
  void inboundMessageCreatesTicket() {
    String email = "lucia+" + UUID.randomUUID() + "@Example.com";

    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Pedido sin recibir","text":"Hola, ¿dónde está mi pedido? 😊",
             "customer":{"name":"Lucía García","email":"%s"}}"""
                .formatted(email));

    assertEquals(201, created.status(), created::toString);
    JsonObject ticket = created.object();
    assertTrue(created.header("Location").endsWith("/api/v1/tickets/" + ticket.getInt("id")));
    assertNotNull(created.header("ETag"));
    assertTrue(ticket.getInt("number") >= 1001);
    assertEquals("new", ticket.getString("status"));
    assertEquals("normal", ticket.getString("priority"));
    assertEquals("email", ticket.getString("channel"));
    assertEquals(JsonValue.NULL, ticket.get("assignee"));
    assertEquals("Lucía García", ticket.getJsonObject("customer").getString("name"));
    JsonObject message = ticket.getJsonArray("messages").getJsonObject(0);
    assertEquals("inbound", message.getString("direction"));
    assertEquals("customer", message.getJsonObject("author").getString("type"));
    assertEquals("Hola, ¿dónde está mi pedido? 😊", message.getString("text"));
    assertEquals("created", ticket.getJsonArray("events").getJsonObject(0).getString("type"));

    JsonObject customer =
        admin.get("customers/" + ticket.getJsonObject("customer").getInt("id")).object();
    assertEquals(email.toLowerCase(), customer.getJsonArray("emails").getString(0));
  }

  @Test
  @DisplayName("the same person on email twice is one customer with two tickets")
  void samePersonIsOneCustomer() {
    String email = "repeat+" + UUID.randomUUID() + "@example.com";
    JsonObject first = createEmailTicket("Uno", email);
    JsonObject second = createEmailTicket("Dos", email.toUpperCase());

    int customerId = first.getJsonObject("customer").getInt("id");
    assertEquals(customerId, second.getJsonObject("customer").getInt("id"));
    assertEquals(2, admin.get("customers/" + customerId).object().getJsonArray("tickets").size());
  }

  @Test
  @DisplayName(
      "a whatsapp ticket normalises the phone to E.164 and takes its subject from the text")
  void whatsappTicket() {
    String local = "6" + (10_000_000 + (int) (Math.random() * 89_999_999));
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"whatsapp","text":"¿Tenéis la talla M?","customer":{"name":"Javier","phone":"%s"}}"""
                .formatted(local.substring(0, 3) + " " + local.substring(3)));
    assertEquals(201, created.status(), created::toString);
    JsonObject ticket = created.object();
    assertEquals("¿Tenéis la talla M?", ticket.getString("subject"));
    JsonObject customer =
        admin.get("customers/" + ticket.getJsonObject("customer").getInt("id")).object();
    assertEquals("+34" + local, customer.getJsonArray("phones").getString(0));
  }

  @Test
  @DisplayName("assign, work, resolve and reopen; back to new is refused")
  void lifecycle() {
    String agent = "agent+" + UUID.randomUUID() + "@example.com";
    assertEquals(
        201,
        admin
            .post(
                "agents",
                """
                {"displayName":"Ana","email":"%s","role":"agent","password":"ana-secret-1"}"""
                    .formatted(agent))
            .status());
    int id =
        createEmailTicket("Lifecycle", "life+" + UUID.randomUUID() + "@example.com").getInt("id");

    JsonObject assigned =
        patch(id, "{\"assignee\":\"%s\",\"status\":\"in_progress\"}".formatted(agent)).object();
    assertEquals(agent, assigned.getString("assignee"));
    assertEquals("in_progress", assigned.getString("status"));

    JsonObject resolved = patch(id, "{\"status\":\"resolved\"}").object();
    assertEquals("resolved", resolved.getString("status"));
    assertNotNull(resolved.getString("resolvedAt"));

    JsonObject reopened = patch(id, "{\"status\":\"in_progress\"}").object();
    assertEquals("in_progress", reopened.getString("status"));
    assertEquals(JsonValue.NULL, reopened.get("resolvedAt"));

    Api.Response backToNew = patch(id, "{\"status\":\"new\"}");
    assertEquals(409, backToNew.status());
    assertEquals("illegal_transition", backToNew.object().getString("error"));
    assertEquals("in_progress", admin.get("tickets/" + id).object().getString("status"));

    JsonObject unassigned = patch(id, "{\"assignee\":null}").object();
    assertEquals(JsonValue.NULL, unassigned.get("assignee"));

    var types =
        admin.get("tickets/" + id).object().getJsonArray("events").stream()
            .map(e -> e.asJsonObject().getString("type"))
            .toList();
    assertTrue(
        types.containsAll(java.util.List.of("created", "assigned", "status_changed", "reopened")),
        types::toString);
  }

  @Test
  @DisplayName("a stale If-Match gets 412 and changes nothing")
  void staleIfMatch() {
    int id = createEmailTicket("Etag", "etag+" + UUID.randomUUID() + "@example.com").getInt("id");
    Api.Response current = admin.get("tickets/" + id);
    String etag = current.header("ETag");

    Api.Response first =
        admin.patch("tickets/" + id, "{\"priority\":\"high\"}", Map.of("If-Match", etag));
    assertEquals(200, first.status(), first::toString);
    Api.Response stale =
        admin.patch("tickets/" + id, "{\"priority\":\"low\"}", Map.of("If-Match", etag));

    assertEquals(412, stale.status());
    assertEquals("stale_version", stale.object().getString("error"));
    assertEquals("high", admin.get("tickets/" + id).object().getString("priority"));
  }

  @Test
  @DisplayName(
      "the first reply is queued, sets first response and starts work; notes stay internal")
  void replyAndNote() {
    int id = createEmailTicket("Reply", "reply+" + UUID.randomUUID() + "@example.com").getInt("id");

    Api.Response note = admin.post("tickets/" + id + "/notes", "{\"text\":\"Cliente VIP\"}");
    assertEquals(201, note.status());
    assertTrue(
        note.header("Location")
            .endsWith("/api/v1/tickets/" + id + "/notes/" + note.object().getInt("id")),
        "a created note answers with its Location");
    assertEquals("note", note.object().getString("kind"));
    assertEquals(JsonValue.NULL, note.object().get("deliveryStatus"));
    assertEquals("new", admin.get("tickets/" + id).object().getString("status"));

    Api.Response reply =
        admin.post("tickets/" + id + "/replies", "{\"text\":\"Lo revisamos hoy.\"}");
    assertEquals(201, reply.status());
    assertEquals("queued", reply.object().getString("deliveryStatus"));
    assertEquals("outbound", reply.object().getString("direction"));

    JsonObject ticket = admin.get("tickets/" + id).object();
    assertEquals("in_progress", ticket.getString("status"));
    assertNotNull(ticket.getString("firstResponseAt"));
    assertEquals(3, ticket.getJsonArray("messages").size());
  }

  @Test
  @DisplayName("lists are paginated in the database and filter by status, channel and assignee")
  void listing() {
    String email = "list+" + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 3; i++) {
      createEmailTicket("Listado " + i, email);
    }
    JsonObject page = admin.get("tickets?status=open&channel=email&size=2&page=0").object();
    assertEquals(2, page.getJsonArray("items").size());
    assertEquals(2, page.getInt("size"));
    assertEquals(0, page.getInt("page"));
    assertTrue(page.getInt("total") >= 3);

    JsonObject first = page.getJsonArray("items").getJsonObject(0);
    assertEquals("Listado 2", first.getString("subject"), "newest activity first");

    // The three tickets just recorded have nobody assigned: the newest of them comes first.
    JsonObject unassigned = admin.get("tickets?assignee=none&size=200").object();
    assertEquals(
        "Listado 2",
        unassigned.getJsonArray("items").getJsonObject(0).getString("subject"),
        "the unassigned list holds the tickets it counts");
    unassigned
        .getJsonArray("items")
        .forEach(t -> assertEquals(JsonValue.NULL, t.asJsonObject().get("assignee")));

    JsonObject resolved = admin.get("tickets?status=resolved").object();
    resolved
        .getJsonArray("items")
        .forEach(t -> assertEquals("resolved", t.asJsonObject().getString("status")));
  }

  @Test
  @DisplayName("bad input gets a JSON error, never a stack trace")
  void badInput() {
    assertError(admin.post("tickets", "{not json"), 400, "bad_request");
    assertError(
        admin.post(
            "tickets",
            "{\"channel\":\"fax\",\"text\":\"x\",\"customer\":{\"name\":\"A\",\"email\":\"a@b.c\"}}"),
        422,
        "invalid_input");
    assertError(
        admin.post(
            "tickets",
            "{\"channel\":\"email\",\"text\":\"x\",\"customer\":{\"name\":\"A\",\"email\":\"nope\"}}"),
        422,
        "invalid_email");
    assertError(admin.get("tickets/987654321"), 404, "not_found");
    assertError(admin.get("tickets?size=500"), 422, "invalid_input");
    assertError(admin.get("tickets?status=closed"), 422, "invalid_input");
    assertError(admin.get("no-such-thing"), 404, "not_found");
  }

  private Api.Response patch(int id, String json) {
    Api.Response response = admin.patch("tickets/" + id, json, Map.of());
    if (response.status() >= 300 && response.status() != 409) {
      throw new AssertionError("PATCH failed: " + response);
    }
    return response;
  }

  private static void assertError(Api.Response response, int status, String code) {
    assertEquals(status, response.status(), response::toString);
    assertEquals(code, response.object().getString("error"), response::toString);
    assertTrue(response.object().containsKey("message"));
    assertTrue(!response.body().contains("Exception"), response::toString);
  }
}
