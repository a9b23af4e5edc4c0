package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/**
 * Reply buttons and lists out, the customer's choice in (issue 16): replies carry Meta's {@code
 * interactive} object, validated against Meta's limits; the {@code button_reply} / {@code
 * list_reply} that comes back is shown with the chosen id and title; canned responses carry them.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppInteractiveIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static final String BUTTONS =
      """
      {"type":"button","body":{"text":"¿Te ayudo con algo más?"},"footer":{"text":"Ventanilla"},
       "action":{"buttons":[{"type":"reply","reply":{"id":"more-yes","title":"Sí"}},
                            {"type":"reply","reply":{"id":"more-no","title":"No, gracias"}}]}}""";

  private static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private static String wamid() {
    return "wamid.I" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  private void message(WhatsAppNumber number, String waId, String id, String content) {
    MetaWebhooks.deliver(
        number,
        """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"%s"}],
         "messages":[{"from":"%s","id":"%s","timestamp":"%d",%s}]},
         "field":"messages"}]}]}"""
            .formatted(
                number.phoneNumberId(), waId, waId, id, Instant.now().getEpochSecond(), content));
  }

  private Optional<JsonObject> messageIn(String waId, String wamid) {
    JsonArray found =
        admin
            .get("customers?q=" + URLEncoder.encode("+" + waId, StandardCharsets.UTF_8))
            .object()
            .getJsonArray("items");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return admin
        .get("customers/" + found.getJsonObject(0).getInt("id"))
        .object()
        .getJsonArray("tickets")
        .stream()
        .flatMap(
            t ->
                admin
                    .get("tickets/" + t.asJsonObject().getInt("id"))
                    .object()
                    .getJsonArray("messages")
                    .stream())
        .map(JsonValue::asJsonObject)
        .filter(m -> wamid.equals(m.getString("externalId", null)))
        .findFirst();
  }

  private long ticketOf(String waId, String wamid) {
    await("filed", () -> messageIn(waId, wamid), DEADLINE);
    JsonArray found =
        admin
            .get("customers?q=" + URLEncoder.encode("+" + waId, StandardCharsets.UTF_8))
            .object()
            .getJsonArray("items");
    return admin
        .get("customers/" + found.getJsonObject(0).getInt("id"))
        .object()
        .getJsonArray("tickets")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  @DisplayName(
      "a reply with reply buttons reaches Meta as an interactive message in Meta's shape and the"
          + " ticket shows its choices; the customer's button_reply is filed with id and title")
  void buttonsOutAndChoiceIn() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Botones", "i-");
    String waId = newWaId();
    String first = wamid();
    message(number, waId, first, "\"type\":\"text\",\"text\":{\"body\":\"Hola\"}");
    long ticketId = ticketOf(waId, first);

    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"interactive\":" + BUTTONS + "}");
    assertEquals(201, reply.status(), reply::toString);
    assertTrue(reply.object().getString("text").contains("[No, gracias]"), reply::toString);
    JsonObject sent =
        await(
            "the interactive message at the stand-in",
            () ->
                cloud.requests("/" + number.phoneNumberId() + "/messages").stream()
                    .filter(r -> r.body().contains("more-yes"))
                    .findFirst()
                    .map(r -> Json.createReader(new StringReader(r.body())).readObject()),
            DEADLINE);
    assertEquals("interactive", sent.getString("type"));
    assertEquals(waId, sent.getString("to"));
    JsonObject interactive = sent.getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    assertEquals("¿Te ayudo con algo más?", interactive.getJsonObject("body").getString("text"));
    JsonObject button =
        interactive.getJsonObject("action").getJsonArray("buttons").getJsonObject(1);
    assertEquals("reply", button.getString("type"));
    assertEquals("more-no", button.getJsonObject("reply").getString("id"));

    String answer = wamid();
    message(
        number,
        waId,
        answer,
        """
        "context":{"from":"34910000000","id":"wamid.OUT"},"type":"interactive",
        "interactive":{"type":"button_reply","button_reply":{"id":"more-no","title":"No, gracias"}}""");
    JsonObject filed = await("the answer", () -> messageIn(waId, answer), DEADLINE);
    JsonObject chosen = filed.getJsonObject("interactive");
    assertEquals("button_reply", chosen.getString("type"));
    assertEquals("more-no", chosen.getString("id"));
    assertEquals("No, gracias", chosen.getString("title"));
    assertTrue(messageIn(waId, first).orElseThrow().isNull("interactive"));

    String row = wamid();
    message(
        number,
        waId,
        row,
        """
        "type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"slot-2",
         "title":"Martes 10:00","description":"Tienda de Sol"}}""");
    JsonObject listed = await("the list answer", () -> messageIn(waId, row), DEADLINE);
    assertEquals("list_reply", listed.getJsonObject("interactive").getString("type"));
    assertEquals("slot-2", listed.getJsonObject("interactive").getString("id"));
    assertEquals("Martes 10:00", listed.getJsonObject("interactive").getString("title"));
  }

  @Test
  @DisplayName(
      "four buttons, eleven rows or a 21-character button title are refused with 422 before"
          + " anything reaches Meta; a list whose body is the reply text goes out")
  void limitsAreChecked() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Límites", "i-");
    String waId = newWaId();
    String first = wamid();
    message(number, waId, first, "\"type\":\"text\",\"text\":{\"body\":\"Hola\"}");
    long ticketId = ticketOf(waId, first);

    StringBuilder four = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      four.append(i == 0 ? "" : ",")
          .append(
              "{\"type\":\"reply\",\"reply\":{\"id\":\"b%d\",\"title\":\"B%d\"}}".formatted(i, i));
    }
    Api.Response tooMany =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Elige\"},\"action\":{\"buttons\":["
                + four
                + "]}}}");
    assertEquals(422, tooMany.status(), tooMany::toString);
    assertEquals("invalid_interactive", tooMany.object().getString("error"));

    Api.Response longTitle =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"interactive\":" + BUTTONS.replace("No, gracias", "No, muchas gracias!!!") + "}");
    assertEquals(422, longTitle.status(), longTitle::toString);

    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      rows.append(i == 0 ? "" : ",")
          .append("{\"id\":\"r%d\",\"title\":\"Fila %d\"}".formatted(i, i));
    }
    String list =
        "{\"type\":\"list\",\"action\":{\"button\":\"Ver horas\",\"sections\":[{\"title\":\"Horas\",\"rows\":[%s]}]}}";
    Api.Response elevenRows =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"text\":\"Elige hora\",\"interactive\":" + list.formatted(rows) + "}");
    assertEquals(422, elevenRows.status(), elevenRows::toString);
    assertEquals(
        0,
        cloud.requests("/" + number.phoneNumberId() + "/messages").size(),
        "nothing refused went to Meta");

    String ten = rows.substring(0, rows.lastIndexOf(",{"));
    Api.Response ok =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"text\":\"Elige hora\",\"interactive\":" + list.formatted(ten) + "}");
    assertEquals(201, ok.status(), ok::toString);
    JsonObject sent =
        await(
            "the list",
            () ->
                cloud.requests("/" + number.phoneNumberId() + "/messages").stream()
                    .findFirst()
                    .map(r -> Json.createReader(new StringReader(r.body())).readObject()),
            DEADLINE);
    JsonObject interactive = sent.getJsonObject("interactive");
    assertEquals("list", interactive.getString("type"));
    assertEquals("Elige hora", interactive.getJsonObject("body").getString("text"));
    assertEquals("Ver horas", interactive.getJsonObject("action").getString("button"));
    assertEquals(
        10,
        interactive
            .getJsonObject("action")
            .getJsonArray("sections")
            .getJsonObject(0)
            .getJsonArray("rows")
            .size());
  }

  @Test
  @DisplayName("a canned response carries reply buttons (Meta's object), shown by the API")
  void cannedResponsesCarryButtons() {
    String shortcut = "mas" + ThreadLocalRandom.current().nextInt(1_000_000);
    Api.Response created =
        admin.post(
            "canned-responses",
            "{\"name\":\"¿Algo más?\",\"shortcut\":\"%s\",\"body\":\"¿Te ayudo con algo más?\",\"shared\":true,\"interactive\":%s}"
                .formatted(shortcut, BUTTONS));
    assertEquals(201, created.status(), created::toString);
    JsonObject interactive = created.object().getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    assertEquals(2, interactive.getJsonObject("action").getJsonArray("buttons").size());

    Api.Response bad =
        admin.post(
            "canned-responses",
            "{\"name\":\"Mal\",\"shortcut\":\"%sx\",\"body\":\"x\",\"shared\":true,\"interactive\":{\"type\":\"carousel\"}}"
                .formatted(shortcut));
    assertEquals(422, bad.status(), bad::toString);
  }
}
