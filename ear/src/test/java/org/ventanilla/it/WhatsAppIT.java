package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;
import static org.ventanilla.it.MetaWebhooks.deliver;
import static org.ventanilla.it.MetaWebhooks.post;
import static org.ventanilla.it.MetaWebhooks.sign;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/**
 * The WhatsApp channel end to end against the deployed EAR: a channel made through the API points
 * at a Cloud API stand-in on loopback; the tests post signed webhooks as Meta does and read what
 * agents see through the API. Each test has a number and customers of its own.
 */
@ExtendWith(ArquillianExtension.class)
class WhatsAppIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private WhatsAppNumber newNumber() {
    // A non-ASCII app secret: the signature is over UTF-8 bytes.
    return CloudApiStandIn.newNumber(admin, cloud.baseUrl(), "Ventas", "sécret-");
  }

  private static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private static String wamid() {
    return "wamid.IT" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /** One change with messages from one customer, as Meta sends it. */
  private static String payload(
      WhatsAppNumber number, String waId, String name, String... messages) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
         "messages":[%s]},"field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), name, waId, String.join(",", messages));
  }

  private static String message(
      String waId, String id, long epochSeconds, String type, String body) {
    return """
        {"from":"%s","id":"%s","timestamp":"%d","type":"%s",%s}"""
        .formatted(waId, id, epochSeconds, type, body);
  }

  private static String text(String waId, String id, String text) {
    return message(
        waId, id, Instant.now().getEpochSecond(), "text", "\"text\":{\"body\":\"" + text + "\"}");
  }

  private static String statuses(WhatsAppNumber number, String... statuses) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "statuses":[%s]},"field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), String.join(",", statuses));
  }

  private static String status(String wamid, String status, String waId) {
    return """
        {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"}"""
        .formatted(wamid, status, Instant.now().getEpochSecond(), waId);
  }

  /** The tickets of the customer behind this WhatsApp id, newest first; empty if none yet. */
  private List<JsonObject> tickets(String waId) {
    JsonArray found =
        admin
            .get("customers?q=" + URLEncoder.encode("+" + waId, StandardCharsets.UTF_8))
            .object()
            .getJsonArray("items");
    if (found.isEmpty()) {
      return List.of();
    }
    assertEquals(1, found.size(), "one customer per WhatsApp id");
    JsonArray tickets =
        admin
            .get("customers/" + found.getJsonObject(0).getInt("id"))
            .object()
            .getJsonArray("tickets");
    return tickets.stream()
        .map(t -> admin.get("tickets/" + t.asJsonObject().getInt("id")).object())
        .toList();
  }

  private JsonObject ticketWith(String waId, String wamid) {
    return await(
        "message " + wamid,
        () -> tickets(waId).stream().filter(t -> messageById(t, wamid).isPresent()).findFirst(),
        DEADLINE);
  }

  private static Optional<JsonObject> messageById(JsonObject ticket, String externalId) {
    return ticket.getJsonArray("messages").stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> externalId.equals(m.getString("externalId", null)))
        .findFirst();
  }

  private JsonObject messageOf(long ticketId, long messageId) {
    return admin.get("tickets/" + ticketId).object().getJsonArray("messages").stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getJsonNumber("id").longValue() == messageId)
        .findFirst()
        .orElseThrow();
  }

  private JsonObject awaitDelivery(
      long ticketId, long messageId, String status, Duration deadline) {
    return await(
        "delivery " + status,
        () ->
            Optional.of(messageOf(ticketId, messageId))
                .filter(m -> status.equals(m.getString("deliveryStatus", null))),
        deadline);
  }

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  @Test
  @DisplayName("a channel keeps its secrets: the API says only that they are set")
  void channelSecretsNeverComeBack() {
    WhatsAppNumber number = newNumber();

    Api.Response read = admin.get("channels/" + number.id());

    assertEquals(200, read.status(), read::toString);
    JsonObject channel = read.object();
    assertEquals("whatsapp", channel.getString("type"));
    assertEquals(number.phoneNumberId(), channel.getString("phoneNumberId"));
    assertEquals(cloud.baseUrl(), channel.getString("apiBaseUrl"));
    assertEquals(7, channel.getInt("reopenDays"));
    assertTrue(channel.getBoolean("accessTokenSet"));
    assertTrue(channel.getBoolean("appSecretSet"));
    assertTrue(channel.getBoolean("verifyTokenSet"));
    assertFalse(read.body().contains(number.secret()));
    assertFalse(read.body().contains(CloudApiStandIn.TOKEN));
    assertFalse(read.body().contains(number.verifyToken()));

    Api.Response patched =
        admin.patch(
            "channels/" + number.id(),
            "{\"reopenDays\":3,\"name\":\"Soporte\"}",
            java.util.Map.of());
    assertEquals(200, patched.status(), patched::toString);
    assertEquals(3, patched.object().getInt("reopenDays"));
    assertEquals("Soporte", patched.object().getString("name"));
  }

  @Test
  @DisplayName(
      "Meta's subscription check gets the challenge back only with a channel's verify token")
  void verificationNeedsTheVerifyToken() throws Exception {
    WhatsAppNumber number = newNumber();
    String base =
        Api.baseUrl() + "api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444";

    HttpResponse<String> ok =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=" + number.verifyToken()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "&hub.verify_token=nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongMode =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base.replace("subscribe", "unsubscribe")
                            + "&hub.verify_token="
                            + number.verifyToken()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, ok.statusCode());
    assertEquals("1158201444", ok.body());
    assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    assertEquals(403, wrong.statusCode());
    assertEquals(403, wrongMode.statusCode());
  }

  @Test
  @DisplayName(
      "every message type lands exactly once on the customer's ticket, media stored and checked")
  void everyMessageTypeLandsOnce() throws Exception {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    byte[] photo = "JPEG bytes: foto de la caja rota".getBytes(StandardCharsets.UTF_8);
    byte[] pdf = "%PDF-1.4 factura".getBytes(StandardCharsets.UTF_8);
    String photoId = "9" + number.phoneNumberId() + "1";
    String pdfId = "9" + number.phoneNumberId() + "2";
    String brokenId = "9" + number.phoneNumberId() + "3";
    String forgedId = "9" + number.phoneNumberId() + "4";
    String flakyId = "9" + number.phoneNumberId() + "5";
    byte[] voice = "OggS voice note".getBytes(StandardCharsets.UTF_8);
    cloud.addMedia(flakyId, voice, "audio/ogg");
    cloud.failMedia(flakyId, 3);
    cloud.addMedia(photoId, photo, "image/jpeg");
    cloud.addMedia(pdfId, pdf, "application/pdf");
    cloud.addMedia(brokenId, "never served".getBytes(StandardCharsets.UTF_8), "audio/ogg");
    cloud.failMedia(brokenId, 1000);
    cloud.addMedia(forgedId, "video".getBytes(StandardCharsets.UTF_8), "video/mp4");
    cloud.announceWrongHash(forgedId);
    long t = Instant.now().getEpochSecond();
    String first = wamid();
    List<String> messages =
        List.of(
            message(
                waId, first, t, "text", "\"text\":{\"body\":\"Hola, ¿dónde está mi pedido? 📦\"}"),
            message(
                waId,
                wamid(),
                t,
                "image",
                "\"image\":{\"caption\":\"La caja llegó rota\",\"mime_type\":\"image/jpeg\",\"sha256\":\"x\",\"id\":\""
                    + photoId
                    + "\"}"),
            message(
                waId,
                wamid(),
                t,
                "document",
                "\"document\":{\"filename\":\"../../etc/factura.pdf\",\"mime_type\":\"application/pdf\",\"id\":\""
                    + pdfId
                    + "\"}"),
            message(
                waId,
                wamid(),
                t,
                "audio",
                "\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\",\"id\":\""
                    + brokenId
                    + "\",\"voice\":true}"),
            message(
                waId,
                wamid(),
                t,
                "audio",
                "\"audio\":{\"caption\":\"nota de voz\",\"mime_type\":\"audio/ogg\",\"id\":\""
                    + flakyId
                    + "\"}"),
            message(
                waId,
                wamid(),
                t,
                "video",
                "\"video\":{\"mime_type\":\"video/mp4\",\"id\":\"" + forgedId + "\"}"),
            message(
                waId,
                wamid(),
                t,
                "sticker",
                "\"sticker\":{\"mime_type\":\"image/webp\",\"id\":\""
                    + photoId
                    + "\",\"animated\":false}"),
            message(
                waId,
                wamid(),
                t,
                "location",
                "\"location\":{\"latitude\":40.4168,\"longitude\":-3.7038,\"name\":\"Puerta del Sol\",\"address\":\"Madrid\"}"),
            message(
                waId,
                wamid(),
                t,
                "contacts",
                "\"contacts\":[{\"name\":{\"formatted_name\":\"José Pérez\"},\"phones\":[{\"phone\":\"+34 600 111 222\"}]}]"),
            message(
                waId,
                wamid(),
                t,
                "interactive",
                "\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"si\",\"title\":\"Sí, gracias\"}}"),
            message(
                waId,
                wamid(),
                t,
                "interactive",
                "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"envio-24\",\"title\":\"Envío urgente\",\"description\":\"24 horas\"}}"),
            message(
                waId,
                wamid(),
                t,
                "button",
                "\"button\":{\"text\":\"Dejar de recibir\",\"payload\":\"STOP\"}"),
            message(
                waId,
                wamid(),
                t,
                "reaction",
                "\"reaction\":{\"message_id\":\"" + first + "\",\"emoji\":\"👍\"}"),
            message(
                waId,
                wamid(),
                t,
                "text",
                "\"context\":{\"from\":\"34910000000\",\"id\":\""
                    + first
                    + "\"},\"text\":{\"body\":\"¿Me contestáis?\"}"),
            message(
                waId,
                wamid(),
                t,
                "unsupported",
                "\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}]"));
    String json = payload(number, waId, "Lucía García 😊", messages.toArray(String[]::new));
    String marker = wamid();

    deliver(number, json);
    deliver(number, json); // Meta redelivers
    deliver(number, payload(number, waId, "Lucía García 😊", text(waId, marker, "¿Hola?")));
    JsonObject ticket = ticketWith(waId, marker);

    assertEquals(1, tickets(waId).size(), "one ticket for one conversation");
    assertEquals("whatsapp", ticket.getString("channel"));
    assertEquals("Lucía García 😊", ticket.getJsonObject("customer").getString("name"));
    assertEquals("Hola, ¿dónde está mi pedido? 📦", ticket.getString("subject"));
    JsonArray all = ticket.getJsonArray("messages");
    assertEquals(messages.size() + 1, all.size(), "each message exactly once: " + all);
    List<String> texts = all.stream().map(m -> m.asJsonObject().getString("text")).toList();
    assertTrue(texts.contains("La caja llegó rota"), texts::toString);
    assertTrue(
        texts.contains("[location] Puerta del Sol, Madrid (40.4168, -3.7038)"), texts::toString);
    assertTrue(texts.contains("[contacts]\nJosé Pérez +34 600 111 222"), texts::toString);
    assertTrue(texts.contains("Sí, gracias [si]"), texts::toString);
    assertTrue(texts.contains("Envío urgente — 24 horas [envio-24]"), texts::toString);
    assertTrue(texts.contains("Dejar de recibir [STOP]"), texts::toString);
    assertTrue(texts.contains("[reaction 👍] to " + first), texts::toString);
    assertTrue(
        texts.contains("> Hola, ¿dónde está mi pedido? 📦\n¿Me contestáis?"), texts::toString);
    assertTrue(
        texts.stream().anyMatch(s -> s.startsWith("[unsupported message type: unsupported]\n{")),
        texts::toString);

    JsonObject image = attachmentOf(all, "La caja llegó rota");
    assertEquals(photo.length, image.getInt("size"));
    assertEquals("image/jpeg", image.getString("contentType"));
    assertEquals(JsonValue.NULL, image.get("note"));
    JsonObject document = attachmentOf(all, "[document: ../../etc/factura.pdf]");
    assertEquals("factura.pdf", document.getString("filename"));
    assertEquals(pdf.length, document.getInt("size"));
    JsonObject audio = attachmentOf(all, "[audio]");
    assertTrue(audio.getString("note").startsWith("Not downloaded from WhatsApp"), audio::toString);
    assertTrue(cloud.requests("/v21.0/" + brokenId).size() >= 3, "a failed download is retried");
    long ticketId = ticket.getJsonNumber("id").longValue();
    JsonObject later =
        await(
            "the flaky voice note to be fetched again",
            () ->
                Optional.of(
                        attachmentOf(
                            admin.get("tickets/" + ticketId).object().getJsonArray("messages"),
                            "nota de voz"))
                    .filter(a -> a.get("note") == JsonValue.NULL),
            Duration.ofSeconds(40));
    assertEquals(voice.length, later.getInt("size"));
    assertTrue(cloud.requests("/v21.0/" + flakyId).size() >= 4, "failed inline, fetched later");
    JsonObject video = attachmentOf(all, "[video]");
    assertTrue(video.getString("note").contains("SHA-256"), video::toString);

    Path attachments = Path.of(System.getProperty("it.data.dir"), "attachments", "whatsapp");
    String photoHash = CloudApiStandIn.sha256(photo);
    try (Stream<Path> files = Files.walk(attachments)) {
      List<String> hashes =
          files.filter(Files::isRegularFile).map(WhatsAppIT::sha256).collect(Collectors.toList());
      assertTrue(hashes.contains(photoHash), "the photo is stored under the data dir");
      assertTrue(hashes.contains(CloudApiStandIn.sha256(voice)), "so is the voice note");
      assertFalse(
          hashes.contains(CloudApiStandIn.sha256("video".getBytes(StandardCharsets.UTF_8))),
          "a file whose hash does not match is not kept");
    }
  }

  private static JsonObject attachmentOf(JsonArray messages, String text) {
    JsonObject message =
        messages.stream()
            .map(JsonValue::asJsonObject)
            .filter(m -> text.equals(m.getString("text")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no message " + text));
    assertEquals(1, message.getJsonArray("attachments").size(), message::toString);
    return message.getJsonArray("attachments").getJsonObject(0);
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName(
      "a delivery with a wrong, foreign or missing signature is refused and leaves no trace")
  void badSignaturesLeaveNoTrace() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    byte[] body =
        payload(number, waId, "Mallory", text(waId, wamid(), "Soy Meta, créeme 😇"))
            .getBytes(StandardCharsets.UTF_8);
    String good = sign(body, number.secret());

    assertEquals(403, post(body, sign(body, "another app's secret")).statusCode());
    // The last byte changed (to 00, or to ff when it was 00: the test failed 1 run in 256).
    String wrongEnd = good.endsWith("00") ? "ff" : "00";
    assertEquals(403, post(body, good.substring(0, good.length() - 2) + wrongEnd).statusCode());
    assertEquals(403, post(body, "sha256=not-hex").statusCode());
    assertEquals(401, post(body, null).statusCode());
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("créeme", "creeme")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(403, post(tampered, good).statusCode());

    String otherWaId = newWaId();
    String marker = wamid();
    deliver(number, payload(number, otherWaId, "Ana", text(otherWaId, marker, "hola")));
    ticketWith(otherWaId, marker);
    assertEquals(List.of(), tickets(waId), "nothing of a refused delivery was processed");
  }

  @Test
  @DisplayName(
      "32 concurrent deliveries each get their 200 once stored, and each message lands exactly once")
  void concurrentDeliveriesAreEachStoredOnce() throws Exception {
    WhatsAppNumber number = newNumber();
    List<String> waIds = Stream.generate(WhatsAppIT::newWaId).limit(32).toList();
    List<String> wamids = Stream.generate(WhatsAppIT::wamid).limit(32).toList();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers =
        new java.util.ArrayList<>();
    for (int i = 0; i < 32; i++) {
      byte[] body =
          payload(number, waIds.get(i), "Cliente " + i, text(waIds.get(i), wamids.get(i), "hola"))
              .getBytes(StandardCharsets.UTF_8);
      answers.add(
          HTTP.sendAsync(
              HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/webhooks/whatsapp"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("X-Hub-Signature-256", sign(body, number.secret()))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (var answer : answers) {
      HttpResponse<String> response = answer.get();
      assertEquals(200, response.statusCode(), response::body);
      assertEquals("received", json(response.body()).getString("status"));
    }
    for (int i = 0; i < 32; i++) {
      JsonObject ticket = ticketWith(waIds.get(i), wamids.get(i));
      String wamid = wamids.get(i);
      assertEquals(
          1,
          ticket.getJsonArray("messages").stream()
              .filter(m -> wamid.equals(m.asJsonObject().getString("externalId", null)))
              .count(),
          "message " + i + " filed once");
      assertEquals(1, tickets(waIds.get(i)).size(), "one ticket for customer " + i);
    }
  }

  @Test
  @DisplayName("a body over 1 MB is refused with 413")
  void oversizedBodyIsRefused() {
    WhatsAppNumber number = newNumber();
    byte[] body = new byte[1024 * 1024 + 10];
    java.util.Arrays.fill(body, (byte) ' ');
    assertEquals(413, post(body, sign(body, number.secret())).statusCode());
  }

  @Test
  @DisplayName("a reply reaches the Cloud API in its documented shape; statuses move it to read")
  void replyAndStatuses() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    String inbound = wamid();
    long start = System.nanoTime();
    deliver(number, payload(number, waId, "Pablo", text(waId, inbound, "¿Tenéis la talla M?")));
    long answered = System.nanoTime();
    long ticketId = ticketWith(waId, inbound).getJsonNumber("id").longValue();
    // A figure for the record, never asserted: the webhook's 200, then the message readable.
    System.out.printf(
        "WhatsApp webhook answered in %d ms; message readable in the API after %d ms%n",
        (answered - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000);

    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"Sí, ¡nos quedan 3! 👕\"}");

    assertEquals(201, reply.status(), reply::toString);
    long replyId = reply.object().getJsonNumber("id").longValue();
    JsonObject sent = awaitDelivery(ticketId, replyId, "sent", DEADLINE);
    String wamid = sent.getString("externalId");
    assertTrue(wamid.startsWith("wamid.STANDIN"), wamid);
    List<CloudApiStandIn.Recorded> calls =
        cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages");
    assertEquals(1, calls.size());
    assertEquals("POST", calls.get(0).method());
    assertEquals("Bearer " + CloudApiStandIn.TOKEN, calls.get(0).authorization());
    JsonObject body = json(calls.get(0).body());
    assertEquals("whatsapp", body.getString("messaging_product"));
    assertEquals("individual", body.getString("recipient_type"));
    assertEquals(waId, body.getString("to"));
    assertEquals("text", body.getString("type"));
    assertEquals("Sí, ¡nos quedan 3! 👕", body.getJsonObject("text").getString("body"));

    // Out of order: read arrives before delivered, which must not move it back.
    deliver(number, statuses(number, status(wamid, "read", waId)));
    awaitDelivery(ticketId, replyId, "read", DEADLINE);
    String marker = wamid();
    deliver(number, statuses(number, status(wamid, "delivered", waId)));
    deliver(number, payload(number, waId, "Pablo", text(waId, marker, "gracias")));
    ticketWith(waId, marker);
    assertEquals("read", messageOf(ticketId, replyId).getString("deliveryStatus"));
  }

  @Test
  @DisplayName("after 24 hours a free reply is refused with 422 and an approved template goes out")
  void closedWindowTakesTemplates() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    String old = wamid();
    long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).getEpochSecond();
    deliver(
        number,
        payload(
            number,
            waId,
            "Marta",
            message(waId, old, twoDaysAgo, "text", "\"text\":{\"body\":\"¿Hay novedades?\"}")));
    long ticketId = ticketWith(waId, old).getJsonNumber("id").longValue();

    Api.Response refused = admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"Hola\"}");
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("whatsapp_window_closed", refused.object().getString("error"));

    Api.Response badTemplate =
        admin.post(
            "channels/" + number.id() + "/templates",
            "{\"name\":\"seguimiento\",\"language\":\"es\",\"parameterCount\":2,\"text\":\"Hola {{1}}\"}");
    assertEquals(422, badTemplate.status(), badTemplate::toString);
    Api.Response template =
        admin.post(
            "channels/" + number.id() + "/templates",
            "{\"name\":\"seguimiento\",\"language\":\"es\",\"parameterCount\":1,\"text\":\"Hola {{1}}, ¿seguimos con tu pedido?\"}");
    assertEquals(201, template.status(), template::toString);
    assertEquals(
        1, admin.get("channels/" + number.id() + "/templates").json().asJsonArray().size());
    Api.Response wrongCount =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"template\":{\"name\":\"seguimiento\",\"language\":\"es\",\"parameters\":[]}}");
    assertEquals(422, wrongCount.status(), wrongCount::toString);

    Api.Response sent =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"template\":{\"name\":\"seguimiento\",\"language\":\"es\",\"parameters\":[\"Marta\"]}}");

    assertEquals(201, sent.status(), sent::toString);
    assertEquals("Hola Marta, ¿seguimos con tu pedido?", sent.object().getString("text"));
    awaitDelivery(ticketId, sent.object().getJsonNumber("id").longValue(), "sent", DEADLINE);
    List<CloudApiStandIn.Recorded> calls =
        cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages");
    assertEquals(1, calls.size(), "the refused free reply never left");
    JsonObject body = json(calls.get(0).body());
    assertEquals("template", body.getString("type"));
    assertEquals(waId, body.getString("to"));
    JsonObject t = body.getJsonObject("template");
    assertEquals("seguimiento", t.getString("name"));
    assertEquals("es", t.getJsonObject("language").getString("code"));
    JsonObject parameter =
        t.getJsonArray("components").getJsonObject(0).getJsonArray("parameters").getJsonObject(0);
    assertEquals("text", parameter.getString("type"));
    assertEquals("Marta", parameter.getString("text"));

    long templateId = template.object().getJsonNumber("id").longValue();
    assertEquals(
        204,
        admin
            .send(
                "DELETE",
                "channels/" + number.id() + "/templates/" + templateId,
                null,
                java.util.Map.of())
            .status());
    assertEquals(
        0, admin.get("channels/" + number.id() + "/templates").json().asJsonArray().size());
  }

  @Test
  @DisplayName(
      "a 5xx from the Cloud API is retried by the outbox and the reply is sent exactly once")
  void serverErrorThenSuccess() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    String inbound = wamid();
    deliver(number, payload(number, waId, "Iker", text(waId, inbound, "¿Abrís el domingo?")));
    long ticketId = ticketWith(waId, inbound).getJsonNumber("id").longValue();
    cloud.script(
        number.phoneNumberId(),
        new CloudApiStandIn.Answer(503, CloudApiStandIn.error(131016, "Service unavailable")));

    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"No, lo siento\"}");

    long replyId = reply.object().getJsonNumber("id").longValue();
    // The outbox waits about 10 s before its second attempt.
    JsonObject sent = awaitDelivery(ticketId, replyId, "sent", Duration.ofSeconds(60));
    assertNotNull(sent.getString("externalId"));
    assertEquals(2, cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages").size());
  }

  @Test
  @DisplayName("a 4xx from the Cloud API fails the reply with Meta's code and message")
  void clientErrorIsRefused() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    String inbound = wamid();
    deliver(number, payload(number, waId, "Nora", text(waId, inbound, "Hola")));
    long ticketId = ticketWith(waId, inbound).getJsonNumber("id").longValue();
    cloud.script(
        number.phoneNumberId(),
        new CloudApiStandIn.Answer(400, CloudApiStandIn.error(131047, "Re-engagement message")));

    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"¿Sigues ahí?\"}");

    JsonObject failed =
        awaitDelivery(ticketId, reply.object().getJsonNumber("id").longValue(), "failed", DEADLINE);
    assertTrue(failed.getString("deliveryError").contains("131047"), failed::toString);
    assertTrue(
        failed.getString("deliveryError").contains("Re-engagement message"), failed::toString);
    assertEquals(1, cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages").size());
  }

  @Test
  @DisplayName("a message after resolution reopens the ticket within the reopen days")
  void messageAfterResolutionReopens() {
    WhatsAppNumber number = newNumber();
    String waId = newWaId();
    String first = wamid();
    deliver(number, payload(number, waId, "Eva", text(waId, first, "Hola")));
    JsonObject ticket = ticketWith(waId, first);
    long ticketId = ticket.getJsonNumber("id").longValue();
    assertEquals(
        200,
        admin
            .patch("tickets/" + ticketId, "{\"status\":\"resolved\"}", java.util.Map.of())
            .status());

    String again = wamid();
    deliver(number, payload(number, waId, "Eva", text(waId, again, "Otra cosa")));
    JsonObject reopened = ticketWith(waId, again);

    assertEquals(ticketId, reopened.getJsonNumber("id").longValue());
    assertEquals("in_progress", reopened.getString("status"));
    assertEquals(1, tickets(waId).size());
    assertNull(reopened.get("resolvedAt") == JsonValue.NULL ? null : reopened.get("resolvedAt"));
  }
}
