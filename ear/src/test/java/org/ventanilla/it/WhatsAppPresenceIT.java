package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Read receipts and the typing indicator (issue 16): Meta's read call once per message when an
 * agent opens the ticket, the typing indicator at most once per 20 s per ticket, both behind the
 * channel's switches, never through the outbox.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppPresenceIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private record Conversation(WhatsAppNumber number, long ticketId, String waId) {}

  /** A customer's message on a new number: the ticket, once filed. */
  private Conversation conversation(String wamid) {
    WhatsAppNumber number = CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Presencia", "p-");
    String waId = "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    return new Conversation(number, write(number, waId, wamid), waId);
  }

  private long write(WhatsAppNumber number, String waId, String wamid) {
    MetaWebhooks.deliver(
        number,
        """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"%s"}],
         "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"Hola"}}]},
         "field":"messages"}]}]}"""
            .formatted(number.phoneNumberId(), waId, waId, wamid, Instant.now().getEpochSecond()));
    return await(
        "the message filed",
        () -> {
          JsonArray tickets = admin.customerTickets("+" + waId);
          return tickets.stream()
              .map(t -> t.asJsonObject().getJsonNumber("id").longValue())
              .filter(
                  id ->
                      admin.get("tickets/" + id).object().getJsonArray("messages").stream()
                          .anyMatch(
                              m -> wamid.equals(m.asJsonObject().getString("externalId", null))))
              .findFirst();
        },
        DEADLINE);
  }

  private static String newWamid() {
    return "wamid.P" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /** The read calls (with or without typing) the stand-in got for this number. */
  private List<JsonObject> readCalls(WhatsAppNumber number) {
    return cloud.requests("/" + number.phoneNumberId() + "/messages").stream()
        .filter(r -> r.body().contains("\"status\":\"read\""))
        .map(r -> Json.createReader(new StringReader(r.body())).readObject())
        .toList();
  }

  private void post(String path) {
    Api.Response response = admin.post(path, "");
    assertEquals(202, response.status(), response::toString);
  }

  @Test
  @DisplayName(
      "opening a ticket marks the customer's latest message read, once per message; a new"
          + " message is marked at the next opening")
  void openingMarksRead() {
    String first = newWamid();
    Conversation c = conversation(first);
    post("tickets/" + c.ticketId() + "/read");
    JsonObject read =
        await("the read call", () -> readCalls(c.number()).stream().findFirst(), DEADLINE);
    assertEquals("whatsapp", read.getString("messaging_product"));
    assertEquals("read", read.getString("status"));
    assertEquals(first, read.getString("message_id"));
    assertFalse(read.containsKey("typing_indicator"));

    post("tickets/" + c.ticketId() + "/read");
    String second = newWamid();
    write(c.number(), c.waId(), second);
    post("tickets/" + c.ticketId() + "/read");
    JsonObject next =
        await(
            "the second message marked",
            () -> readCalls(c.number()).stream().skip(1).findFirst(),
            DEADLINE);
    assertEquals(second, next.getString("message_id"));
    assertEquals(2, readCalls(c.number()).size(), "the first message was marked once only");
  }

  @Test
  @DisplayName(
      "typing sends Meta's typing indicator with the latest message id once per 20 s however"
          + " often it is called; every call answers 202")
  void typingOncePerTwentySeconds() {
    String wamid = newWamid();
    Conversation c = conversation(wamid);
    for (int i = 0; i < 5; i++) {
      post("tickets/" + c.ticketId() + "/typing");
    }
    JsonObject typing =
        await("the typing call", () -> readCalls(c.number()).stream().findFirst(), DEADLINE);
    assertEquals(wamid, typing.getString("message_id"));
    assertEquals("text", typing.getJsonObject("typing_indicator").getString("type"));
    // Marking the ticket read now sends nothing more: the typing call marked the message read.
    post("tickets/" + c.ticketId() + "/read");
    post("tickets/" + c.ticketId() + "/typing");
    // A second ticket's typing is its own: it arrives, and by then the first ticket's would have.
    String other = newWamid();
    Conversation d = conversation(other);
    post("tickets/" + d.ticketId() + "/typing");
    await("the other ticket's typing", () -> readCalls(d.number()).stream().findFirst(), DEADLINE);
    assertEquals(1, readCalls(c.number()).size(), () -> "one call: " + readCalls(c.number()));
    assertEquals(202, admin.post("tickets/999999999/typing", "").status());
  }

  @Test
  @DisplayName("with markRead and typingIndicator switched off nothing is sent; on again, it is")
  void switchesAreRespected() {
    String wamid = newWamid();
    Conversation c = conversation(wamid);
    Api.Response off =
        admin.patch(
            "channels/" + c.number().id(),
            "{\"markRead\":false,\"typingIndicator\":false}",
            Map.of());
    assertEquals(200, off.status(), off::toString);
    assertFalse(off.object().getBoolean("markRead"));
    assertFalse(off.object().getBoolean("typingIndicator"));
    post("tickets/" + c.ticketId() + "/read");
    post("tickets/" + c.ticketId() + "/typing");

    Api.Response on = admin.patch("channels/" + c.number().id(), "{\"markRead\":true}", Map.of());
    assertTrue(on.object().getBoolean("markRead"));
    post("tickets/" + c.ticketId() + "/read");
    JsonObject read =
        await("the read call", () -> readCalls(c.number()).stream().findFirst(), DEADLINE);
    assertFalse(read.containsKey("typing_indicator"), "typing was off: " + read);
    assertEquals(1, readCalls(c.number()).size());
    assertTrue(
        cloud.requests("/" + c.number().phoneNumberId() + "/messages").stream()
            .allMatch(r -> r.body().contains("\"status\":\"read\"")),
        "nothing but the read call went to the number");
  }
}
