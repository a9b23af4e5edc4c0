package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;
import static org.ventanilla.it.MetaWebhooks.deliver;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
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

/** Files out on WhatsApp: uploaded to the media endpoint, then sent by id, within Meta's limits. */
@ExtendWith(ArquillianExtension.class)
class WhatsAppMediaIT {

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();
  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** A customer's text arrives signed, as Meta sends it; answers the ticket's id. */
  private long ticketFromCustomer(WhatsAppNumber number, String waId) {
    String wamid = "wamid.MEDIAIT" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    String json =
        """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"Marta"},"wa_id":"%s"}],
         "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"¿Me mandáis la factura?"}}]},
         "field":"messages"}]}]}"""
            .formatted(number.phoneNumberId(), waId, waId, wamid, Instant.now().getEpochSecond());
    deliver(number, json);
    return await(
        "the customer's message filed",
        () -> {
          JsonArray found =
              admin
                  .get("customers?q=" + URLEncoder.encode("+" + waId, StandardCharsets.UTF_8))
                  .object()
                  .getJsonArray("items");
          if (found.isEmpty()) {
            return Optional.<Long>empty();
          }
          JsonArray tickets =
              admin
                  .get("customers/" + found.getJsonObject(0).getInt("id"))
                  .object()
                  .getJsonArray("tickets");
          return tickets.isEmpty()
              ? Optional.<Long>empty()
              : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        Duration.ofSeconds(20));
  }

  private static String uploaded(String filename, byte[] content) throws Exception {
    HttpResponse<String> response =
        UploadApiIT.upload(
            Api.ADMIN, Api.adminPassword(), filename, "application/octet-stream", content);
    assertEquals(201, response.statusCode(), response::body);
    return new Api.Response(response).object().getString("id");
  }

  private static JsonObject json(String s) {
    try (JsonReader reader = Json.createReader(new StringReader(s))) {
      return reader.readObject();
    }
  }

  @Test
  @DisplayName(
      "a reply with an image and a PDF reaches the stand-in as two uploads, then two media messages")
  void replyWithTwoFiles() throws Exception {
    WhatsAppNumber number =
        CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Media", "media-secret-");
    String waId = "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    long ticketId = ticketFromCustomer(number, waId);
    String png = uploaded("foto.png", UploadApiIT.PNG);
    String pdf = uploaded("factura.pdf", ReplyAttachmentsIT.PDF);

    Api.Response reply =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"text\":\"Aquí tienes 📎\",\"uploads\":[\"" + png + "\",\"" + pdf + "\"]}");

    assertTwoMediaMessages(number, waId, ticketId, reply);
  }

  @Test
  @DisplayName(
      "a multipart/form-data reply with two file parts reaches the stand-in as two media messages")
  void multipartReplyWithTwoFiles() throws Exception {
    WhatsAppNumber number =
        CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Media", "media-secret-");
    String waId = "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    long ticketId = ticketFromCustomer(number, waId);

    Api.Response reply =
        new FormPost()
            .field("text", "Aquí tienes 📎")
            .file("foto.png", "image/png", UploadApiIT.PNG)
            .file("factura.pdf", "application/pdf", ReplyAttachmentsIT.PDF)
            .post("tickets/" + ticketId + "/replies");

    assertTwoMediaMessages(number, waId, ticketId, reply);
  }

  private void assertTwoMediaMessages(
      WhatsAppNumber number, String waId, long ticketId, Api.Response reply) {
    assertEquals(201, reply.status(), reply::toString);
    long replyId = reply.object().getJsonNumber("id").longValue();
    await(
        "the reply sent",
        () ->
            admin.get("tickets/" + ticketId).object().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getJsonNumber("id").longValue() == replyId)
                .filter(m -> "sent".equals(m.getString("deliveryStatus", null)))
                .findFirst(),
        Duration.ofSeconds(20));
    List<CloudApiStandIn.Recorded> uploads =
        cloud.requests("/v21.0/" + number.phoneNumberId() + "/media");
    List<CloudApiStandIn.Recorded> messages =
        cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages");
    assertEquals(2, uploads.size(), "one media upload per file");
    assertTrue(uploads.get(0).body().contains("whatsapp"));
    assertTrue(uploads.get(0).body().contains("image/png"));
    assertTrue(uploads.get(1).body().contains("application/pdf"));
    assertEquals(2, messages.size(), "one media message per file");
    JsonObject image = json(messages.get(0).body());
    JsonObject document = json(messages.get(1).body());
    assertEquals(waId, image.getString("to"));
    assertEquals("image", image.getString("type"));
    assertEquals("Aquí tienes 📎", image.getJsonObject("image").getString("caption"));
    assertTrue(image.getJsonObject("image").getString("id").startsWith("MEDIA"));
    assertEquals("document", document.getString("type"));
    assertEquals("factura.pdf", document.getJsonObject("document").getString("filename"));
    assertFalse(document.getJsonObject("document").containsKey("caption"), "caption on the first");
  }

  @Test
  @DisplayName("an image over Meta's 5 MB is refused with a 4xx before anything reaches Meta")
  void oversizedImageIsRefused() throws Exception {
    WhatsAppNumber number =
        CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Media", "media-secret-");
    String waId = "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    long ticketId = ticketFromCustomer(number, waId);
    byte[] big = new byte[6 * 1024 * 1024];
    System.arraycopy(UploadApiIT.PNG, 0, big, 0, UploadApiIT.PNG.length);
    String png = uploaded("enorme.png", big);

    Api.Response reply =
        admin.post(
            "tickets/" + ticketId + "/replies", "{\"text\":\"Va\",\"uploads\":[\"" + png + "\"]}");

    assertEquals(422, reply.status(), reply::toString);
    assertEquals("file_too_large", reply.object().getString("error"));
    assertTrue(reply.object().getString("message").contains("5 MB"), reply::toString);
    assertEquals(0, cloud.requests("/v21.0/" + number.phoneNumberId() + "/").size());
  }
}
