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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * WhatsApp as Meta runs it in 2026 (issue 16), end to end: Meta's webhook payloads with
 * business-scoped user ids (BSUID) with and without the phone number, and {@code system} messages,
 * posted signed; one customer per person, replies addressed as Meta accepts them.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppIdentityIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private static String newUserId() {
    return "US." + Math.abs(ThreadLocalRandom.current().nextLong());
  }

  private static String wamid() {
    return "wamid.ID" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /**
   * Meta's messages webhook: {@code contacts[]} with {@code wa_id} (when shared), {@code user_id},
   * the username in {@code profile}; the message {@code from} (when shared) and {@code
   * from_user_id}.
   */
  private static String fromUser(
      WhatsAppNumber number, String waId, String userId, String username, String id, String text) {
    String contact =
        "\"profile\":{\"name\":\"Sheena Nelson\",\"username\":\"%s\"},".formatted(username)
            + (waId == null ? "" : "\"wa_id\":\"" + waId + "\",")
            + "\"user_id\":\"%s\",\"parent_user_id\":\"US.ENT.%s\""
                .formatted(userId, userId.substring(3));
    String message =
        (waId == null ? "" : "\"from\":\"" + waId + "\",")
            + "\"from_user_id\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"text\","
                .formatted(userId, id, Instant.now().getEpochSecond())
            + "\"text\":{\"body\":\"%s\"}".formatted(text);
    return envelope(number, "\"contacts\":[{" + contact + "}],\"messages\":[{" + message + "}]");
  }

  private static String envelope(WhatsAppNumber number, String value) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         %s},"field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), value);
  }

  /** The customers found by a contact value (a phone with its +, or a BSUID). */
  private JsonArray customers(String contact) {
    return admin
        .get("customers?q=" + URLEncoder.encode(contact, StandardCharsets.UTF_8))
        .object()
        .getJsonArray("items");
  }

  private JsonObject customer(String contact) {
    JsonArray found = customers(contact);
    assertEquals(1, found.size(), () -> "one customer for " + contact + ": " + found);
    return admin.get("customers/" + found.getJsonObject(0).getInt("id")).object();
  }

  private Optional<JsonObject> ticketWith(String contact, String wamid) {
    if (customers(contact).isEmpty()) {
      return Optional.empty();
    }
    return customer(contact).getJsonArray("tickets").stream()
        .map(t -> admin.get("tickets/" + t.asJsonObject().getInt("id")).object())
        .filter(
            t ->
                t.getJsonArray("messages").stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(m -> wamid.equals(m.getString("externalId", null))))
        .findFirst();
  }

  private JsonObject replySent(long ticketId, String text) {
    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"" + text + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    return await(
        "the reply at the stand-in",
        () ->
            cloud.requests("/messages").stream()
                .filter(r -> r.body().contains(text))
                .findFirst()
                .map(r -> Json.createReader(new StringReader(r.body())).readObject()),
        DEADLINE);
  }

  @Test
  @DisplayName(
      "a person who wrote with a phone and later only with a BSUID is one customer, shown with"
          + " both, the parent id and the username as sent; replies go to the phone")
  void phoneThenBsuidIsOneCustomer() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "BSUID", "s-");
    String waId = newWaId();
    String userId = newUserId();
    String first = wamid();
    String second = wamid();
    deliver(number, fromUser(number, waId, userId, "@sheena", first, "Hola"));
    await("first message", () -> ticketWith("+" + waId, first), DEADLINE);
    deliver(number, fromUser(number, null, userId, "sheena.n", second, "Sigo aquí"));
    JsonObject ticket = await("second message", () -> ticketWith(userId, second), DEADLINE);

    JsonObject customer = customer(userId);
    assertEquals(customer.getInt("id"), customer("+" + waId).getInt("id"));
    assertEquals(
        List.of("+" + waId),
        customer.getJsonArray("phones").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    JsonArray whatsapp = customer.getJsonArray("whatsapp");
    assertEquals(1, whatsapp.size(), whatsapp::toString);
    JsonObject identity = whatsapp.getJsonObject(0);
    assertEquals(waId, identity.getString("waId"));
    assertEquals(userId, identity.getString("userId"));
    assertEquals("US.ENT." + userId.substring(3), identity.getString("parentUserId"));
    assertEquals("sheena.n", identity.getString("username"), "the username as last sent");

    JsonObject sent = replySent(ticket.getInt("id"), "Te leemos " + waId);
    assertEquals(waId, sent.getString("to"));
    assertFalse(sent.containsKey("recipient"));
  }

  @Test
  @DisplayName(
      "a message with only a BSUID is filed for a new customer known by it; replies carry"
          + " \"recipient\" and no \"to\"")
  void bsuidOnly() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "BSUID", "s-");
    String userId = newUserId();
    String id = wamid();
    deliver(number, fromUser(number, null, userId, "@solo", id, "Sin teléfono"));
    JsonObject ticket = await("filed", () -> ticketWith(userId, id), DEADLINE);
    JsonObject customer = customer(userId);
    assertTrue(customer.getJsonArray("phones").isEmpty());
    JsonObject identity = customer.getJsonArray("whatsapp").getJsonObject(0);
    assertTrue(identity.isNull("waId"));
    assertEquals("@solo", identity.getString("username"));

    JsonObject sent = replySent(ticket.getInt("id"), "Hola " + userId);
    assertEquals(userId, sent.getString("recipient"));
    assertFalse(sent.containsKey("to"));
  }

  @Test
  @DisplayName(
      "system messages (user_changed_number, user_changed_user_id) change the contact: no ticket,"
          + " no new customer, replies go to the new number")
  void systemMessagesUpdateTheContact() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "BSUID", "s-");
    String waId = newWaId();
    String userId = newUserId();
    String first = wamid();
    deliver(number, fromUser(number, waId, userId, "@cambia", first, "Antes"));
    JsonObject ticket = await("filed", () -> ticketWith("+" + waId, first), DEADLINE);

    String newWaId = newWaId();
    String newUserId = newUserId();
    long now = Instant.now().getEpochSecond();
    deliver(
        number,
        envelope(
            number,
            """
            "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"system",
             "system":{"body":"User Sheena Nelson changed from %s to %s","wa_id":"%s",
             "type":"user_changed_number"}}]"""
                .formatted(waId, wamid(), now, waId, newWaId, newWaId)));
    deliver(
        number,
        envelope(
            number,
            """
            "messages":[{"from_user_id":"%s","id":"%s","timestamp":"%d","type":"system",
             "system":{"body":"User Sheena Nelson's user id changed","user_id":"%s",
             "type":"user_changed_user_id"}}]"""
                .formatted(userId, wamid(), now, newUserId)));
    JsonObject customer =
        await(
            "the contact changed",
            () ->
                customers(newUserId).isEmpty() || customers("+" + newWaId).isEmpty()
                    ? Optional.empty()
                    : Optional.of(customer(newUserId)),
            DEADLINE);
    assertEquals(customer.getInt("id"), customer("+" + newWaId).getInt("id"));
    assertTrue(customers("+" + waId).isEmpty(), "the old number is replaced");
    assertEquals(1, customer.getJsonArray("tickets").size(), "no ticket for system messages");
    JsonObject identity = customer.getJsonArray("whatsapp").getJsonObject(0);
    assertEquals(newWaId, identity.getString("waId"));
    assertEquals(newUserId, identity.getString("userId"));
    assertEquals(
        1,
        admin.get("tickets/" + ticket.getInt("id")).object().getJsonArray("messages").size(),
        "nothing filed");

    JsonObject sent = replySent(ticket.getInt("id"), "Número nuevo " + newWaId);
    assertEquals(newWaId, sent.getString("to"));
  }

  private static String pricedStatus(
      String wamid, String status, long epochSeconds, String waId, String category, String type) {
    return """
        {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s",
         "pricing":{"billable":%s,"pricing_model":"PMP","category":"%s","type":"%s"}}"""
        .formatted(wamid, status, epochSeconds, waId, "regular".equals(type), category, type);
  }

  private long priced(String month, String category) {
    JsonObject report =
        admin.get("reports/whatsapp-pricing?from=" + month + "-01&to=" + month + "-28").object();
    assertEquals(month + "-01", report.getString("from"));
    return report.getJsonArray("months").stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getString("month").equals(month))
        .findFirst()
        .map(m -> m.getJsonObject("categories"))
        .filter(c -> c.containsKey(category))
        .map(c -> c.getJsonNumber(category).longValue())
        .orElse(0L);
  }

  @Test
  @DisplayName(
      "statuses with pricing are counted once per message, by category and the status's month")
  void pricingReport() {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Precio", "s-");
    String waId = newWaId();
    String first = wamid();
    deliver(number, fromUser(number, waId, newUserId(), "@precio", first, "¿Precio?"));
    long ticketId = await("filed", () -> ticketWith("+" + waId, first), DEADLINE).getInt("id");
    String service = sentWamid(ticketId, "Servicio " + waId);
    String utility = sentWamid(ticketId, "Utilidad " + waId);
    // A month of its own, long past, so other tests' messages do not count in it.
    int year = ThreadLocalRandom.current().nextInt(1990, 2020);
    int monthOfYear = ThreadLocalRandom.current().nextInt(1, 13);
    String month = "%d-%02d".formatted(year, monthOfYear);
    long at =
        java.time.LocalDate.of(year, monthOfYear, 10)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toEpochSecond();
    long servicesBefore = priced(month, "service");
    long utilityBefore = priced(month, "utility");
    String statuses =
        envelope(
            number,
            "\"statuses\":["
                + String.join(
                    ",",
                    pricedStatus(service, "sent", at, waId, "service", "free_customer_service"),
                    pricedStatus(
                        service, "delivered", at + 5, waId, "service", "free_customer_service"),
                    pricedStatus(utility, "sent", at + 9, waId, "utility", "regular"))
                + "]");
    deliver(number, statuses);
    await(
        "priced",
        () -> priced(month, "utility") > utilityBefore ? Optional.of(true) : Optional.empty(),
        DEADLINE);
    assertEquals(servicesBefore + 1, priced(month, "service"), "sent and delivered: one message");
    assertEquals(utilityBefore + 1, priced(month, "utility"));

    // The reports page shows the same counts: a row for the month, a column per category.
    Api.Response page = admin.download("reports.xhtml?from=" + month + "-01&to=" + month + "-28");
    assertEquals(200, page.status(), page::toString);
    String html = page.body();
    int row = html.indexOf("data-month=\"" + month + "\"");
    assertTrue(row > 0, "a row for " + month + " in the pricing table");
    String cells = html.substring(row, html.indexOf("</tr>", row));
    String head = html.substring(html.indexOf("id=\"pricing-table\""), row);
    List<String> categories =
        java.util.regex.Pattern.compile("data-category=\"([a-z_]+)\"")
            .matcher(head)
            .results()
            .map(m -> m.group(1))
            .toList();
    List<String> counts =
        java.util.regex.Pattern.compile("<td class=\"num\">(\\d+)</td>")
            .matcher(cells)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertEquals(
        String.valueOf(servicesBefore + 1), counts.get(categories.indexOf("service")), cells);
    assertEquals(
        String.valueOf(utilityBefore + 1), counts.get(categories.indexOf("utility")), cells);
  }

  private String sentWamid(long ticketId, String text) {
    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"" + text + "\"}");
    assertEquals(201, reply.status(), reply::toString);
    long id = reply.object().getJsonNumber("id").longValue();
    return await(
        "the wamid of " + text,
        () ->
            admin.get("tickets/" + ticketId).object().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("id").longValue() == id)
                .map(m -> m.getString("externalId", null))
                .filter(w -> w != null)
                .findFirst(),
        DEADLINE);
  }
}
