package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
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
 * Templates read from the WhatsApp Business Account (issue 16): the sync follows Meta's paging, the
 * list shows status, category and components, only APPROVED ones go out, with Meta's components;
 * Meta's template webhooks, found by the account id in {@code entry[].id}, keep them current.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppTemplatesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** Meta's listing of an approved template with an image header, variables and buttons. */
  private static final String ORDER =
      """
      {"name":"order_update","parameter_format":"POSITIONAL","components":[
        {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1h"]}},
        {"type":"BODY","text":"Hola {{1}}, tu pedido {{2}} está en camino.",
         "example":{"body_text":[["Lucía","A-17"]]}},
        {"type":"FOOTER","text":"Tienda"},
        {"type":"BUTTONS","buttons":[
          {"type":"URL","text":"Ver pedido","url":"https://shop.example/o/{{1}}","example":["https://shop.example/o/A-17"]},
          {"type":"QUICK_REPLY","text":"Hablar con alguien"},
          {"type":"PHONE_NUMBER","text":"Llamar","phone_number":"+34910000000"}]}],
       "language":"es","status":"APPROVED","category":"UTILITY","id":"1001"}""";

  private static final String PENDING =
      """
      {"name":"promo_dic","components":[{"type":"BODY","text":"Ofertas de diciembre"}],
       "language":"es","status":"PENDING","category":"MARKETING","id":"1002"}""";

  private static final String PLAIN =
      """
      {"name":"hello_world","components":[{"type":"HEADER","format":"TEXT","text":"Hello World"},
        {"type":"BODY","text":"Welcome and congratulations!!"},
        {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}],
       "language":"en_US","status":"APPROVED","category":"UTILITY","id":"1003"}""";

  private WhatsAppNumber numberWithAccount(String wabaId) {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Plantillas", "t-");
    Api.Response patched =
        admin.patch("channels/" + number.id(), "{\"wabaId\":\"%s\"}".formatted(wabaId), Map.of());
    assertEquals(200, patched.status(), patched::toString);
    assertEquals(wabaId, patched.object().getString("wabaId"));
    assertTrue(patched.object().getBoolean("markRead"));
    assertTrue(patched.object().getBoolean("typingIndicator"));
    return number;
  }

  private static String newWabaId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
  }

  private JsonObject template(WhatsAppNumber number, String name) {
    return admin.get("channels/" + number.id() + "/templates").json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .filter(t -> name.equals(t.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template " + name));
  }

  @Test
  @DisplayName(
      "a sync reads every page of the account's templates and lists them with status, category"
          + " and components; a second sync updates instead of duplicating")
  void syncReadsEveryPage() {
    String waba = newWabaId();
    WhatsAppNumber number = numberWithAccount(waba);
    cloud.accountTemplates(waba, ORDER, PENDING, PLAIN);
    Api.Response synced = admin.post("channels/" + number.id() + "/templates/sync", "");
    assertEquals(200, synced.status(), synced::toString);
    assertEquals(3, synced.object().getInt("read"));
    assertEquals(2, synced.object().getInt("approved"));
    assertEquals(
        2,
        cloud.requests("/" + waba + "/message_templates").size(),
        "two pages of two: the second asked for with the after cursor");
    assertTrue(cloud.requests("/" + waba + "/message_templates").get(1).path().contains("after="));

    JsonObject order = template(number, "order_update");
    assertEquals("APPROVED", order.getString("status"));
    assertEquals("UTILITY", order.getString("category"));
    assertEquals(2, order.getInt("parameterCount"));
    JsonArray components = order.getJsonArray("components");
    assertEquals("IMAGE", components.getJsonObject(0).getString("format"));
    assertEquals(
        "QUICK_REPLY",
        components.getJsonObject(3).getJsonArray("buttons").getJsonObject(1).getString("type"));
    assertEquals("PENDING", template(number, "promo_dic").getString("status"));

    cloud.accountTemplates(waba, ORDER.replace("\"UTILITY\"", "\"MARKETING\""), PLAIN);
    Api.Response again = admin.post("channels/" + number.id() + "/templates/sync", "");
    assertEquals(200, again.status(), again::toString);
    assertEquals(1, again.object().getInt("gone"));
    assertEquals(
        3, admin.get("channels/" + number.id() + "/templates").json().asJsonArray().size());
    assertEquals("MARKETING", template(number, "order_update").getString("category"));
    assertEquals("DELETED", template(number, "promo_dic").getString("status"));
  }

  @Test
  @DisplayName("a channel without a WABA id cannot sync its templates (422 no_waba_id)")
  void syncNeedsAccountAndAdmin() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Sin WABA", "t-");
    Api.Response refused = admin.post("channels/" + number.id() + "/templates/sync", "");
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("no_waba_id", refused.object().getString("error"));
  }

  @Test
  @DisplayName(
      "a synced template with an image header and buttons is sent with Meta's components; a"
          + " PENDING one is refused; status and category webhooks change them")
  void sendAndWebhooks() {
    String waba = newWabaId();
    WhatsAppNumber number = numberWithAccount(waba);
    cloud.accountTemplates(waba, ORDER, PENDING);
    assertEquals(200, admin.post("channels/" + number.id() + "/templates/sync", "").status());
    long ticketId = inboundTicket(number);

    String send =
        """
        {"template":{"name":"order_update","language":"es","parameters":["Lucía","A-17"],
         "headerMedia":"https://cdn.example/pedido.jpg",
         "buttons":[{"index":0,"text":"A-17"},{"index":1,"payload":"human-%d"}]}}"""
            .formatted(ticketId);
    Api.Response sent = admin.post("tickets/" + ticketId + "/replies", send);
    assertEquals(201, sent.status(), sent::toString);
    assertTrue(sent.object().getString("text").contains("Hola Lucía, tu pedido A-17"));
    JsonObject body =
        await(
            "the template at the stand-in",
            () ->
                cloud.requests("/" + number.phoneNumberId() + "/messages").stream()
                    .filter(r -> r.body().contains("human-" + ticketId))
                    .findFirst()
                    .map(r -> Json.createReader(new StringReader(r.body())).readObject()),
            DEADLINE);
    assertEquals("template", body.getString("type"));
    JsonObject template = body.getJsonObject("template");
    assertEquals("order_update", template.getString("name"));
    assertEquals("es", template.getJsonObject("language").getString("code"));
    JsonArray components = template.getJsonArray("components");
    assertEquals(
        "https://cdn.example/pedido.jpg",
        components
            .getJsonObject(0)
            .getJsonArray("parameters")
            .getJsonObject(0)
            .getJsonObject("image")
            .getString("link"));
    assertEquals("body", components.getJsonObject(1).getString("type"));
    JsonObject url = components.getJsonObject(2);
    assertEquals("url", url.getString("sub_type"));
    assertEquals("0", url.getString("index"));
    assertEquals("A-17", url.getJsonArray("parameters").getJsonObject(0).getString("text"));
    JsonObject quick = components.getJsonObject(3);
    assertEquals("quick_reply", quick.getString("sub_type"));
    assertEquals("payload", quick.getJsonArray("parameters").getJsonObject(0).getString("type"));

    Api.Response missing =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"template\":{\"name\":\"order_update\",\"language\":\"es\",\"parameters\":[\"Lucía\",\"A-17\"]}}");
    assertEquals(422, missing.status(), "the image header is required: " + missing);

    String pending =
        "{\"template\":{\"name\":\"promo_dic\",\"language\":\"es\",\"parameters\":[]}}";
    Api.Response refused = admin.post("tickets/" + ticketId + "/replies", pending);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("template_not_approved", refused.object().getString("error"));

    deliver(
        number,
        templateWebhook(
            waba,
            "message_template_status_update",
            """
            {"event":"APPROVED","message_template_id":1002,"message_template_name":"promo_dic",
             "message_template_language":"es","reason":"NONE","message_template_category":"MARKETING"}"""));
    deliver(
        number,
        templateWebhook(
            waba,
            "template_category_update",
            """
            {"message_template_id":1001,"message_template_name":"order_update",
             "message_template_language":"es","previous_category":"UTILITY","new_category":"MARKETING"}"""));
    await(
        "promo_dic approved",
        () ->
            Optional.of(template(number, "promo_dic"))
                .filter(t -> "APPROVED".equals(t.getString("status"))),
        DEADLINE);
    await(
        "order_update recategorised",
        () ->
            Optional.of(template(number, "order_update"))
                .filter(t -> "MARKETING".equals(t.getString("category"))),
        DEADLINE);
    assertEquals(201, admin.post("tickets/" + ticketId + "/replies", pending).status());

    deliver(
        number,
        templateWebhook(
            waba,
            "message_template_status_update",
            """
            {"event":"PAUSED","message_template_id":1002,"message_template_name":"promo_dic",
             "message_template_language":"es","reason":"LOW_QUALITY"}"""));
    await(
        "promo_dic paused",
        () ->
            Optional.of(template(number, "promo_dic"))
                .filter(t -> "PAUSED".equals(t.getString("status"))),
        DEADLINE);
    assertEquals(422, admin.post("tickets/" + ticketId + "/replies", pending).status());
  }

  /** A customer's message filed on the number; the ticket's id. */
  private long inboundTicket(WhatsAppNumber number) {
    String waId = "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    String wamid = "wamid.T" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    deliver(
        number,
        """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"Lucía"},"wa_id":"%s"}],
         "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"¿Mi pedido?"}}]},
         "field":"messages"}]}]}"""
            .formatted(number.phoneNumberId(), waId, waId, wamid, Instant.now().getEpochSecond()));
    return await(
        "the ticket",
        () -> {
          JsonArray tickets = admin.customerTickets("+" + waId);
          return tickets.isEmpty()
              ? Optional.empty()
              : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        DEADLINE);
  }

  /** Meta's template webhook: the account's id in entry[].id, the field and its value. */
  static String templateWebhook(String wabaId, String field, String value) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"%s","time":%d,
         "changes":[{"field":"%s","value":%s}]}]}"""
        .formatted(wabaId, Instant.now().getEpochSecond(), field, value);
  }
}
