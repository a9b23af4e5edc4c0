package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;
import static org.ventanilla.it.MetaWebhooks.deliver;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/** The survey on WhatsApp: buttons inside the 24-hour window, a template outside it. */
@ExtendWith(ArquillianExtension.class)
class CsatWhatsAppIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();
  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /**
   * Surveys are a desk-wide setting: put back off, so later test classes get no survey messages.
   */
  @AfterAll
  static void surveysOffAgain() {
    Api.asAdmin().send("PUT", "settings/csat", "{\"enabled\":false}", Map.of());
  }

  private static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private static String wamid() {
    return "wamid.CSAT" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  private static String payload(WhatsAppNumber number, String waId, String message) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"Lucía"},"wa_id":"%s"}],
         "messages":[%s]},"field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), waId, message);
  }

  private static String text(String waId, String id, long epochSeconds, String text) {
    return """
        {"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}"""
        .formatted(waId, id, epochSeconds, text);
  }

  private static String buttonReply(String waId, String id, String replyId) {
    return """
        {"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
         "interactive":{"type":"button_reply","button_reply":{"id":"%s","title":"😀"}}}"""
        .formatted(waId, id, Instant.now().getEpochSecond(), replyId);
  }

  private long ticketOf(String waId) {
    return await(
        "the ticket of " + waId,
        () -> {
          JsonArray tickets = admin.customerTickets("+" + waId);
          return tickets.isEmpty()
              ? Optional.empty()
              : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        DEADLINE);
  }

  private JsonObject sentCall(WhatsAppNumber number) {
    List<CloudApiStandIn.Recorded> calls =
        await(
            "the survey sent to the Cloud API",
            () -> {
              List<CloudApiStandIn.Recorded> found =
                  cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages");
              return found.isEmpty() ? Optional.empty() : Optional.of(found);
            },
            DEADLINE);
    assertEquals(1, calls.size(), "one survey");
    return Json.createReader(new StringReader(calls.get(0).body())).readObject();
  }

  @Test
  @DisplayName(
      "inside the window the survey is three reply buttons; the tapped one is the answer and"
          + " reopens nothing")
  void buttonsInsideTheWindow() {
    assertEquals(200, admin.send("PUT", "settings/csat", "{\"enabled\":true}", Map.of()).status());
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Encuesta", "s-");
    String waId = newWaId();
    deliver(
        number, payload(number, waId, text(waId, wamid(), Instant.now().getEpochSecond(), "Hola")));
    long id = ticketOf(waId);

    assertEquals(200, admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of()).status());

    JsonObject body = sentCall(number);
    assertEquals(waId, body.getString("to"));
    assertEquals("interactive", body.getString("type"));
    JsonObject interactive = body.getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    JsonArray buttons = interactive.getJsonObject("action").getJsonArray("buttons");
    assertEquals(3, buttons.size());
    String happy = buttons.getJsonObject(2).getJsonObject("reply").getString("id");
    assertTrue(happy.matches("csat:[A-Za-z0-9_-]{43}:5"), happy);
    noTokenForAgents(id, happy.split(":")[1]);

    deliver(number, payload(number, waId, buttonReply(waId, wamid(), happy)));
    JsonObject ticket =
        await(
            "the answer on the ticket",
            () ->
                Optional.of(admin.get("tickets/" + id).object())
                    .filter(t -> t.get("csat") instanceof JsonObject c && !c.isNull("score")),
            DEADLINE);
    assertEquals(5, ticket.getJsonObject("csat").getInt("score"));
    assertEquals("resolved", ticket.getString("status"), "the answer is not a new message");

    String forged =
        happy.substring(0, 10)
            + (happy.charAt(10) == 'A' ? 'B' : 'A')
            + happy.substring(11, happy.length() - 1)
            + "1";
    deliver(number, payload(number, waId, buttonReply(waId, wamid(), forged)));
    deliver(number, payload(number, waId, buttonReply(waId, wamid(), happy.replace(":5", ":1"))));
    assertEquals(5, admin.get("tickets/" + id).object().getJsonObject("csat").getInt("score"));
  }

  @Test
  @DisplayName(
      "outside the window the survey is the settings' template with the token in its URL button")
  void templateOutsideTheWindow() {
    assertEquals(
        200,
        admin
            .send(
                "PUT",
                "settings/csat",
                "{\"enabled\":true,\"whatsappTemplate\":\"encuesta\"}",
                Map.of())
            .status());
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Plantilla", "s-");
    assertEquals(
        201,
        admin
            .post(
                "channels/" + number.id() + "/templates",
                "{\"name\":\"encuesta\",\"language\":\"es\",\"parameterCount\":0,\"text\":\"¿Cómo te atendimos?\"}")
            .status());
    String waId = newWaId();
    long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).getEpochSecond();
    deliver(number, payload(number, waId, text(waId, wamid(), twoDaysAgo, "Hola")));
    long id = ticketOf(waId);

    assertEquals(200, admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of()).status());

    JsonObject body = sentCall(number);
    assertEquals("template", body.getString("type"));
    JsonObject template = body.getJsonObject("template");
    assertEquals("encuesta", template.getString("name"));
    JsonObject button = template.getJsonArray("components").getJsonObject(0);
    assertEquals("button", button.getString("type"));
    assertEquals("url", button.getString("sub_type"));
    String token = button.getJsonArray("parameters").getJsonObject(0).getString("text");
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    noTokenForAgents(id, token);
    assertEquals(
        JsonValue.NULL, admin.get("tickets/" + id).object().getJsonObject("csat").get("score"));
  }

  /** The customer's copy carries the token; the ticket agents read says only that it was sent. */
  private void noTokenForAgents(long id, String token) {
    Api.Response ticket = admin.get("tickets/" + id);
    assertFalse(ticket.body().contains(token), ticket::body);
    assertFalse(ticket.body().contains("/survey/"), ticket::body);
    assertTrue(
        ticket.body().contains("¿Cómo te atendimos?"),
        "the survey shows as sent: " + ticket.body());
  }
}
