package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.Eventually.await;
import static org.ventanilla.it.HostileSupport.assertCleanError;
import static org.ventanilla.it.HostileSupport.assertHealthy;
import static org.ventanilla.it.HostileSupport.assertNoStackTrace;
import static org.ventanilla.it.HostileSupport.newAgent;
import static org.ventanilla.it.HostileSupport.newWaId;
import static org.ventanilla.it.HostileSupport.payload;
import static org.ventanilla.it.HostileSupport.textMessage;
import static org.ventanilla.it.HostileSupport.ticketsOf;
import static org.ventanilla.it.HostileSupport.unique;
import static org.ventanilla.it.HostileSupport.wamid;
import static org.ventanilla.it.MetaWebhooks.deliver;
import static org.ventanilla.it.MetaWebhooks.post;
import static org.ventanilla.it.MetaWebhooks.postSigned;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;
import org.ventanilla.it.HostileSupport.WebSession;

/**
 * Issue 8, "hostile input", against the deployed EAR: oversized and malformed webhooks and API
 * bodies, SQL metacharacters in every filter, an agent knocking on admin doors, cross-site
 * requests, and file names that try to climb out of the data directory. Each attack gets a clear
 * error or a safe result, and the server stays well: it still answers, still records tickets, and
 * the next honest request lands.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int WEBHOOK_LIMIT = 1024 * 1024;

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /** A text message from a new customer lands on a ticket: the webhook still works. */
  private static void assertWebhookStillLands(WhatsAppNumber number) {
    String waId = newWaId();
    String id = wamid();
    deliver(number, payload(number, waId, "Después", textMessage(waId, id, "¿Seguís ahí?")));
    JsonObject ticket =
        await(
            "the next honest webhook", () -> ticketsOf("+" + waId).stream().findFirst(), DEADLINE);
    assertEquals(
        "¿Seguís ahí?", ticket.getJsonArray("messages").getJsonObject(0).getString("text"));
  }

  // ---- webhooks ----

  @Test
  @DisplayName(
      "a webhook body over 1 MB gets 413 in JSON, announced or chunked, and the next webhook lands")
  void oversizedWebhook() {
    WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    byte[] big = new byte[2 * WEBHOOK_LIMIT];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    String signature = MetaWebhooks.sign(big, number.secret());

    HttpResponse<String> announced = post(HttpRequest.BodyPublishers.ofByteArray(big), signature);
    assertEquals(413, announced.statusCode(), announced::body);
    assertTrue(announced.body().contains("\"payload_too_large\""), announced::body);

    // No Content-Length: the body streams in chunks and is cut off after 1 MB, never kept whole.
    HttpResponse<String> chunked =
        post(
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
            signature);
    assertEquals(413, chunked.statusCode(), chunked::body);
    assertTrue(chunked.body().contains("\"payload_too_large\""), chunked::body);

    assertWebhookStillLands(number);
    assertHealthy();
  }

  @Test
  @DisplayName(
      "signed webhooks that are not JSON, or nested 10,000 deep, get 400 and are not stored; the next one lands")
  void malformedSignedWebhooks() {
    WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    List<String> bodies =
        List.of(
            "{not json",
            "",
            "[1,2,3]",
            "\"just a string\"",
            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
            "[".repeat(10_000) + "]".repeat(10_000));
    for (String body : bodies) {
      HttpResponse<String> response = postSigned(number, body.getBytes(StandardCharsets.UTF_8));
      assertEquals(
          400, response.statusCode(), () -> "for " + abbreviate(body) + ": " + response.body());
      assertTrue(response.body().contains("\"invalid_json\""), response::body);
      assertNoStackTrace(response.body());
    }

    // Valid JSON of the wrong shape is Meta's business, not an error: stored, nothing breaks.
    HttpResponse<String> odd =
        postSigned(
            number,
            "{\"object\":\"whatsapp_business_account\",\"entry\":\"not a list\",\"x\":{\"messages\":7}}"
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(200, odd.statusCode(), odd::body);

    assertWebhookStillLands(number);
    assertHealthy();
  }

  @Test
  @DisplayName("an unsigned webhook gets 401 and a wrongly signed one 403; nothing of them lands")
  void unsignedAndForgedWebhooks() {
    WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    String waId = newWaId();
    byte[] body =
        payload(number, waId, "Falso", textMessage(waId, wamid(), "forged"))
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> unsigned = post(HttpRequest.BodyPublishers.ofByteArray(body), null);
    assertEquals(401, unsigned.statusCode(), unsigned::body);
    assertTrue(unsigned.body().contains("\"missing_signature\""));
    HttpResponse<String> forged =
        post(
            HttpRequest.BodyPublishers.ofByteArray(body),
            MetaWebhooks.sign(body, "not the app secret"));
    assertEquals(403, forged.statusCode(), forged::body);
    assertTrue(forged.body().contains("\"invalid_signature\""));

    assertWebhookStillLands(number);
    assertTrue(ticketsOf("+" + waId).isEmpty(), "the forged message never became a ticket");
  }

  // ---- API bodies ----

  @Test
  @DisplayName(
      "invalid, deeply nested or mistyped JSON on API endpoints gets a 400 (or 422) in JSON, never a 500")
  void malformedApiBodies() {
    String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
    List<String> bodies =
        List.of(
            "{",
            "not json at all",
            "{\"channel\":\"email\",}",
            deepObject,
            deepArray,
            "{\"channel\":\"email\",\"subject\":" + deepObject + ",\"text\":\"x\"}",
            "[]",
            "null");
    long ticket = newTicket("Cuerpos malos " + unique());
    // A page session from our own origin: nearly a hundred calls without a bcrypt check each.
    WebSession session = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    long view = createView("{\"name\":\"mine " + unique() + "\"}");
    for (String body : bodies) {
      for (String[] call :
          new String[][] {
            {"POST", "tickets"},
            {"PATCH", "tickets/" + ticket},
            {"POST", "tickets/bulk"},
            {"POST", "tickets/" + ticket + "/notes"},
            {"POST", "views"},
            {"PATCH", "views/" + view},
            {"POST", "tags"},
            {"POST", "channels"},
            {"POST", "sla-policies"},
            {"POST", "agents"},
            {"POST", "canned-responses"}
          }) {
        Api.Response response = apiCall(session, call[0], call[1], body);
        assertTrue(
            response.status() == 400 || response.status() == 422,
            () -> call[0] + " " + call[1] + " with " + abbreviate(body) + ": " + response);
        assertCleanError(response, 400, 422);
      }
    }
    // Well-formed JSON of the wrong types, where the fields mean something.
    for (String body :
        List.of(
            "{\"channel\":\"email\",\"subject\":\"x\",\"text\":\"x\",\"customer\":\"not an object\"}",
            "{\"channel\":\"email\",\"subject\":[1,2],\"text\":\"x\",\"customer\":{\"email\":\"a@b.c\"}}",
            "{\"channel\":12345678901234567890123456789,\"text\":\"x\"}",
            "{\"channel\":{\"$ne\":null},\"text\":\"x\",\"customer\":{\"email\":\"a@b.c\"}}")) {
      assertCleanError(admin.post("tickets", body), 400, 422);
    }
    for (String body :
        List.of(
            "{\"status\":[1]}", "{\"tags\":\"vip\"}", "{\"assignee\":7}", "{\"priority\":{}}")) {
      assertCleanError(admin.patch("tickets/" + ticket, body, Map.of()), 400, 422);
    }

    try {
      HttpResponse<String> notJsonType =
          HostileSupport.HTTP.send(
              HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/tickets"))
                  .header("Authorization", basicAdmin())
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("channel=email"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(415, notJsonType.statusCode(), notJsonType::body);
      assertNoStackTrace(notJsonType.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }

    JsonObject after = admin.get("tickets/" + ticket).object();
    assertEquals(1, after.getJsonArray("messages").size(), "the ticket did not change");
    assertHealthy();
  }

  @Test
  @DisplayName(
      "huge, multi-line and NUL-carrying values are stored cut to size or refused with 422, never a 500")
  void oversizedAndControlCharacterValues() {
    String longLine = "Asunto muy largo ".repeat(400);
    String crlf = "Pedido\r\nBcc: evil@example.com\r\n\r\nX";
    String email = "long-" + unique() + "@example.com";
    Api.Response longOnes =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":%s,"text":%s,"customer":{"name":%s,"email":"%s"}}"""
                .formatted(
                    HostileSupport.jsonString(longLine),
                    HostileSupport.jsonString("texto " + "x".repeat(200_000)),
                    HostileSupport.jsonString("Nombre " + "largo ".repeat(1000)),
                    email));
    assertEquals(201, longOnes.status(), longOnes::toString);
    assertTrue(longOnes.object().getString("subject").length() <= 500);

    Api.Response multiLine =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":%s,"text":"x","customer":{"name":%s,"email":"crlf-%s@example.com"}}"""
                .formatted(
                    HostileSupport.jsonString(crlf),
                    HostileSupport.jsonString("Ana\r\nBcc: evil@example.com"),
                    unique()));
    assertEquals(201, multiLine.status(), multiLine::toString);
    assertFalse(multiLine.object().getString("subject").contains("\n"), "a subject is one line");

    Api.Response nul =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"nul\\u0000byte","text":"a\\u0000b","customer":{"name":"N\\u0000ul","email":"nul-%s@example.com"}}"""
                .formatted(unique()));
    assertTrue(nul.status() == 201 || nul.status() == 400 || nul.status() == 422, nul::toString);
    if (nul.status() != 201) {
      assertCleanError(nul, 400, 422);
    }

    Api.Response injectedAddress =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"x","text":"x","customer":{"name":"Eve","email":"eve@example.com\\r\\nBcc: evil@example.com"}}""");
    assertCleanError(injectedAddress, 400, 422);
    assertHealthy();
  }

  // ---- SQL metacharacters ----

  private static final List<String> SQL_PAYLOADS =
      List.of(
          "' OR 1=1 --",
          "%",
          "_",
          "%_",
          "\\",
          "abc\\",
          "'; DROP TABLE ticket; --",
          "\" OR \"\"=\"",
          "\0",
          "'".repeat(300),
          "x".repeat(5000));

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "SQL metacharacters in every filter and query parameter get 200 or a 4xx in JSON, never a 500")
  void sqlMetacharactersInEveryFilter() {
    String agentPassword = "agent-pass-1";
    // A page session: hundreds of requests without a password check (bcrypt) each.
    WebSession agent = WebSession.signIn(newAgent("agent", agentPassword), agentPassword);
    long before = admin.get("tickets?size=1").object().getJsonNumber("total").longValue();
    for (String p : SQL_PAYLOADS) {
      List<String> paths = new ArrayList<>();
      for (String param :
          List.of("status", "channel", "assignee", "priority", "tag", "page", "size")) {
        paths.add("tickets?" + param + "=" + q(p));
      }
      paths.add("search?q=" + q(p));
      paths.add("search?q=x&page=" + q(p));
      paths.add("customers?q=" + q(p));
      paths.add("customers?q=x&size=" + q(p));
      paths.add("reports/summary?from=" + q(p));
      paths.add("reports/summary?to=" + q(p));
      paths.add("reports/summary?channel=" + q(p));
      paths.add("views/" + q(p));
      paths.add("customers/" + q(p));
      paths.add("tickets/" + q(p));
      for (String path : paths) {
        Api.Response response = apiCall(agent, "GET", path, null);
        assertTrue(
            response.status() == 200
                || response.status() == 400
                || response.status() == 404
                || response.status() == 422,
            () -> "GET " + path + ": " + response);
        assertNoStackTrace(response.body());
        response.json();
      }

      for (String field : List.of("status", "channel", "assignee", "priority", "tag", "text")) {
        Api.Response view =
            apiCall(
                agent,
                "POST",
                "views",
                "{\"name\":\"sql %s\",\"%s\":%s}"
                    .formatted(unique(), field, HostileSupport.jsonString(p)));
        assertTrue(
            view.status() == 201 || view.status() == 400 || view.status() == 422,
            () -> "view with " + field + "=" + abbreviate(p) + ": " + view);
        assertNoStackTrace(view.body());
        if (view.status() == 201) {
          long id = view.object().getJsonNumber("id").longValue();
          Api.Response tickets = apiCall(agent, "GET", "views/" + id + "/tickets", null);
          assertEquals(200, tickets.status(), () -> "view " + field + "=" + p + ": " + tickets);
          assertEquals(204, apiCall(agent, "DELETE", "views/" + id, null).status());
        }
      }

      Api.Response tag =
          apiCall(agent, "POST", "tags", "{\"name\":%s}".formatted(HostileSupport.jsonString(p)));
      assertTrue(
          tag.status() == 201 || tag.status() == 409 || tag.status() == 422 || tag.status() == 400,
          () -> "tag " + abbreviate(p) + ": " + tag);
      assertNoStackTrace(tag.body());
    }
    Api.Response huge = apiCall(agent, "GET", "tickets?page=2147483647&size=200", null);
    assertTrue(huge.status() == 200 || huge.status() == 422, huge::toString);
    assertNoStackTrace(huge.body());

    long after = admin.get("tickets?size=1").object().getJsonNumber("total").longValue();
    assertTrue(after >= before, "no ticket was lost");
    assertHealthy();
  }

  /** The API through a signed-in page session, from our own origin. */
  private static Api.Response apiCall(WebSession session, String method, String path, String json) {
    String own = Api.baseUrl().substring(0, Api.baseUrl().length() - 1);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/" + path))
            .header("Accept", "application/json")
            .header("Origin", own)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return new Api.Response(session.send(request));
  }

  @Test
  @DisplayName(
      "a subject with a literal %_ is found by searching %_ and nothing else is; a backslash is just a character")
  void wildcardsAreLiteral() {
    String token = unique();
    String email = "pct-" + token + "@example.com";
    long literal = newTicket("Descuento 100%_off " + token, "Cliente 50%_" + token, email);
    long plain =
        newTicket(
            "Descuento 100 off " + token,
            "Cliente plano " + token,
            "plain-" + token + "@example.com");
    long backslash =
        newTicket("Ruta C:\\temp\\" + token, "Barra " + token, "bs-" + token + "@example.com");

    // saved view text filter (JPQL LIKE)
    assertEquals(List.of(literal), viewTicketIds("%_off " + token));
    List<Long> percent = viewTicketIds("%_");
    assertTrue(percent.contains(literal), "the literal %_ ticket is found");
    assertFalse(percent.contains(plain), "a ticket without %_ is not");
    assertFalse(percent.contains(backslash), "a ticket without %_ is not");
    for (long id : percent) {
      JsonObject t = admin.get("tickets/" + id).object();
      String haystack =
          t.getString("subject") + " " + t.getJsonObject("customer").getString("name");
      assertTrue(haystack.contains("%_"), () -> "only tickets with a literal %_: " + haystack);
    }
    assertEquals(List.of(backslash), viewTicketIds("\\temp\\" + token));
    assertEquals(List.of(), viewTicketIds(token + "\\"));

    // customers (JPQL LIKE on name and contacts)
    JsonArray customers =
        admin.get("customers?q=" + q("50%_" + token)).object().getJsonArray("items");
    assertEquals(1, customers.size(), customers::toString);
    JsonArray anyPercent = admin.get("customers?q=" + q("%_")).object().getJsonArray("items");
    for (JsonValue c : anyPercent) {
      assertTrue(
          c.asJsonObject().toString().contains("%_"),
          () -> "only customers with a literal %_ in a name or contact: " + c);
    }

    // search (words; LIKE and full-text with escaped wildcards)
    JsonObject found = admin.get("search?q=" + q("100%_off " + token)).object();
    List<Long> ids =
        found.getJsonArray("tickets").stream()
            .map(t -> t.asJsonObject().getJsonNumber("id").longValue())
            .toList();
    assertTrue(ids.contains(literal), found::toString);
    long all = admin.get("tickets?size=1").object().getJsonNumber("total").longValue();
    for (String wildcard : List.of("%", "_", "%_", "\\", "%%", "__")) {
      JsonObject result = admin.get("search?q=" + q(wildcard)).object();
      long total = result.getJsonNumber("ticketsTotal").longValue();
      assertTrue(total < all || all <= 3, () -> wildcard + " matched every ticket: " + result);
    }
  }

  private List<Long> viewTicketIds(String text) {
    long id =
        createView(
            "{\"name\":\"literal %s\",\"text\":%s}"
                .formatted(unique(), HostileSupport.jsonString(text)));
    Api.Response page = admin.get("views/" + id + "/tickets?size=200");
    assertEquals(200, page.status(), page::toString);
    return page.object().getJsonArray("items").stream()
        .map(t -> t.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  // ---- roles ----

  /** An admin-only call, and how an admin sees that it changed nothing. */
  private record AdminCall(String method, String path, String body) {}

  @Test
  @DisplayName(
      "an agent gets 403 on every admin endpoint and changes nothing; without credentials it is 401")
  void agentOnAdminEndpoints() {
    WhatsAppNumber whatsapp = HostileSupport.newNumber(cloud.baseUrl());
    Api.Response template =
        admin.post(
            "channels/" + whatsapp.id() + "/templates",
            "{\"name\":\"t_%s\",\"language\":\"es\",\"parameterCount\":0,\"text\":\"Hola\"}"
                .formatted(unique()));
    assertEquals(201, template.status(), template::toString);
    long templateId = template.object().getJsonNumber("id").longValue();
    String tagName = "admin-tag-" + unique();
    long tag =
        admin
            .post("tags", "{\"name\":\"" + tagName + "\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    long other =
        admin
            .post("tags", "{\"name\":\"other-" + unique() + "\"}")
            .object()
            .getJsonNumber("id")
            .longValue();
    Api.Response sla =
        admin.post(
            "sla-policies",
            "{\"name\":\"Hostil %s\",\"priority\":\"low\",\"channel\":\"whatsapp\",\"firstResponseMinutes\":600,\"resolutionMinutes\":6000}"
                .formatted(unique()));
    assertTrue(sla.status() == 201 || sla.status() == 409, sla::toString);
    long slaId =
        sla.status() == 201
            ? sla.object().getJsonNumber("id").longValue()
            : admin
                .get("sla-policies")
                .json()
                .asJsonArray()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    String slaBefore = admin.get("sla-policies/" + slaId).body();
    long sharedView =
        createView(
            "{\"name\":\"Compartida %s\",\"shared\":true,\"status\":\"open\"}".formatted(unique()));
    Api.Response canned =
        admin.post(
            "canned-responses",
            "{\"name\":\"Compartida %s\",\"shortcut\":\"c%s\",\"body\":\"Hola\",\"shared\":true}"
                .formatted(unique(), unique()));
    assertEquals(201, canned.status(), canned::toString);
    long cannedId = canned.object().getJsonNumber("id").longValue();

    String agentPassword = "agent-pass-1";
    String username = newAgent("agent", agentPassword);
    Api agent = Api.as(username, agentPassword);
    String victim = newAgent("agent", "victim-pass-1");

    List<AdminCall> calls =
        List.of(
            new AdminCall(
                "POST",
                "agents",
                "{\"email\":\"evil-%s@example.com\",\"role\":\"admin\",\"password\":\"evil-pass-123\"}"
                    .formatted(unique())),
            new AdminCall("PATCH", "agents/" + username, "{\"role\":\"admin\"}"),
            new AdminCall("PATCH", "agents/" + victim, "{\"password\":\"taken-over-1\"}"),
            new AdminCall("PATCH", "agents/" + victim, "{\"active\":false}"),
            new AdminCall("GET", "info", null),
            new AdminCall("GET", "channels", null),
            new AdminCall(
                "POST",
                "channels",
                "{\"type\":\"whatsapp\",\"name\":\"evil\",\"phoneNumberId\":\"1\",\"accessToken\":\"a\",\"appSecret\":\"b\",\"verifyToken\":\"c\"}"),
            new AdminCall("GET", "channels/" + whatsapp.id(), null),
            new AdminCall("PATCH", "channels/" + whatsapp.id(), "{\"name\":\"pwned\"}"),
            new AdminCall("DELETE", "channels/" + whatsapp.id(), null),
            new AdminCall("POST", "channels/" + whatsapp.id() + "/poll", null),
            new AdminCall("POST", "channels/" + whatsapp.id() + "/test", null),
            new AdminCall("GET", "channels/" + whatsapp.id() + "/quarantine", null),
            new AdminCall("GET", "channels/" + whatsapp.id() + "/quarantine/1/raw", null),
            new AdminCall("POST", "channels/" + whatsapp.id() + "/quarantine/1/reprocess", null),
            new AdminCall("GET", "channels/" + whatsapp.id() + "/templates", null),
            new AdminCall(
                "POST",
                "channels/" + whatsapp.id() + "/templates",
                "{\"name\":\"evil\",\"language\":\"es\",\"parameterCount\":0,\"text\":\"x\"}"),
            new AdminCall("DELETE", "channels/" + whatsapp.id() + "/templates/" + templateId, null),
            new AdminCall("GET", "sla-policies", null),
            new AdminCall("GET", "sla-policies/" + slaId, null),
            new AdminCall(
                "POST",
                "sla-policies",
                "{\"name\":\"evil\",\"priority\":\"urgent\",\"firstResponseMinutes\":1,\"resolutionMinutes\":2}"),
            new AdminCall("PATCH", "sla-policies/" + slaId, "{\"firstResponseMinutes\":1}"),
            new AdminCall("DELETE", "sla-policies/" + slaId, null),
            new AdminCall("PATCH", "tags/" + tag, "{\"name\":\"pwned-" + unique() + "\"}"),
            new AdminCall("POST", "tags/" + tag + "/merge", "{\"into\":" + other + "}"),
            new AdminCall("DELETE", "tags/" + tag, null),
            new AdminCall("PATCH", "views/" + sharedView, "{\"name\":\"pwned\"}"),
            new AdminCall("DELETE", "views/" + sharedView, null),
            new AdminCall(
                "POST",
                "canned-responses",
                "{\"name\":\"evil\",\"shortcut\":\"evil\",\"body\":\"x\",\"shared\":true}"),
            new AdminCall(
                "PATCH",
                "canned-responses/" + cannedId,
                "{\"name\":\"pwned\",\"shortcut\":\"pwned\",\"body\":\"pwned\"}"),
            new AdminCall("DELETE", "canned-responses/" + cannedId, null));

    for (AdminCall call : calls) {
      // Any type accepted: the raw mail answers message/rfc822, and errors are JSON regardless.
      Map<String, String> anyType = Map.of("Accept", "*/*");
      Api.Response response = agent.send(call.method(), call.path(), call.body(), anyType);
      assertEquals(403, response.status(), () -> "agent " + call + ": " + response);
      assertCleanError(response, 403);
      Api.Response anonymous =
          Api.anonymous().send(call.method(), call.path(), call.body(), anyType);
      assertEquals(401, anonymous.status(), () -> "anonymous " + call + ": " + anonymous);
    }

    // Nothing changed.
    JsonObject channel = admin.get("channels/" + whatsapp.id()).object();
    assertTrue(channel.getString("name").startsWith("Hostil "), channel::toString);
    assertEquals(
        1, admin.get("channels/" + whatsapp.id() + "/templates").json().asJsonArray().size());
    assertEquals(slaBefore, admin.get("sla-policies/" + slaId).body());
    assertTrue(
        admin.get("tags").json().asJsonArray().stream()
            .anyMatch(t -> t.asJsonObject().getString("name").equals(tagName)),
        "the tag is still there, with its name");
    assertEquals(200, admin.get("views/" + sharedView).status());
    assertEquals(
        "Hola",
        admin.get("canned-responses").json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getJsonNumber("id").longValue() == cannedId)
            .findFirst()
            .orElseThrow()
            .getString("body"));
    assertEquals("agent", admin.get("agents/" + username).object().getString("role"));
    assertEquals(200, Api.as(victim, "victim-pass-1").get("agents/me").status());
    assertEquals(401, Api.as(victim, "taken-over-1").get("agents/me").status());
    assertHealthy();
  }

  // ---- cross-site requests ----

  @Test
  @DisplayName(
      "a signed-in page session cannot be used cross-site on the API: a foreign or missing Origin is refused")
  void apiRefusesCrossSiteCookieRequests() {
    WebSession session = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    String email = "csrf-" + unique() + "@example.com";
    String body =
        """
        {"channel":"email","subject":"CSRF","text":"x","customer":{"name":"Csrf","email":"%s"}}"""
            .formatted(email);
    String own = Api.baseUrl().substring(0, Api.baseUrl().length() - 1);

    HttpResponse<String> foreign =
        apiWithCookie(
            session,
            "POST",
            "tickets",
            body,
            Map.of("Origin", "https://evil.example", "Content-Type", "application/json"));
    assertEquals(403, foreign.statusCode(), foreign::body);
    assertTrue(foreign.body().contains("\"cross_site_request\""), foreign::body);

    HttpResponse<String> formPost =
        apiWithCookie(
            session,
            "POST",
            "tickets",
            "a=b",
            Map.of("Origin", "null", "Content-Type", "text/plain"));
    assertEquals(403, formPost.statusCode(), formPost::body);

    HttpResponse<String> noOrigin =
        apiWithCookie(session, "POST", "tickets", body, Map.of("Content-Type", "application/json"));
    assertEquals(403, noOrigin.statusCode(), noOrigin::body);

    HttpResponse<String> foreignReferer =
        apiWithCookie(
            session,
            "POST",
            "tickets",
            body,
            Map.of("Referer", "https://evil.example/page", "Content-Type", "application/json"));
    assertEquals(403, foreignReferer.statusCode(), foreignReferer::body);

    assertTrue(ticketsOf(email).isEmpty(), "no cross-site request created anything");

    // The same session, from our own pages, may; reading needs no Origin; CORS is never granted.
    HttpResponse<String> sameOrigin =
        apiWithCookie(
            session,
            "POST",
            "tickets",
            body,
            Map.of("Origin", own, "Content-Type", "application/json"));
    assertEquals(201, sameOrigin.statusCode(), sameOrigin::body);
    HttpResponse<String> read =
        apiWithCookie(session, "GET", "agents/me", null, Map.of("Origin", "https://evil.example"));
    assertEquals(200, read.statusCode(), read::body);
    assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    assertEquals(1, ticketsOf(email).size());
  }

  private static HttpResponse<String> apiWithCookie(
      WebSession session, String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/" + path))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return session.send(request);
  }

  @Test
  @DisplayName(
      "every Faces form carries a ViewState, and a post with another session's ViewState or none changes nothing")
  void facesFormsRefuseForeignViewState() {
    long ticket = newTicket("CSRF Faces " + unique());
    WebSession victim = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    String attackerPassword = "attacker-pass-1";
    WebSession attacker = WebSession.signIn(newAgent("admin", attackerPassword), attackerPassword);

    for (String page :
        List.of(
            "index.xhtml",
            "ticket.xhtml?id=" + ticket,
            "search.xhtml?q=csrf",
            "templates.xhtml",
            "admin/agents.xhtml",
            "admin/channels.xhtml",
            "admin/channel-email.xhtml",
            "admin/channel-whatsapp.xhtml",
            "admin/info.xhtml")) {
      HttpResponse<String> response = victim.get(page);
      assertEquals(200, response.statusCode(), page);
      assertEveryPostFormHasViewState(page, response.body());
    }

    String victimState = WebSession.viewState(victim.get("ticket.xhtml?id=" + ticket).body());
    String attackerState = WebSession.viewState(attacker.get("ticket.xhtml?id=" + ticket).body());
    assertFalse(victimState.equals(attackerState), "view states differ between sessions");
    Map<String, String> ajax = Map.of("Faces-Request", "partial/ajax");

    // The note form, with the attacker's state in the victim's session, and with none at all.
    String forged = "forged note " + unique();
    Map<String, String> note =
        new LinkedHashMap<>(
            WebSession.ajaxPress(
                "ticket",
                "ticket:add-note",
                "ticket:add-note ticket:note",
                Map.of("ticket:note", forged)));
    note.put("jakarta.faces.ViewState", attackerState);
    HttpResponse<String> replayed =
        victim.post("ticket.xhtml?id=" + ticket, WebSession.form(note), ajax);
    assertFalse(replayed.body().contains(forged), replayed::body);
    note.remove("jakarta.faces.ViewState");
    victim.post("ticket.xhtml?id=" + ticket, WebSession.form(note), ajax);
    HttpResponse<String> anonymous =
        new WebSession().post("ticket.xhtml?id=" + ticket, WebSession.form(note), ajax);
    assertFalse(anonymous.body().contains(forged));
    assertFalse(admin.get("tickets/" + ticket).body().contains(forged), "no forged note was added");

    // The same form with the victim's own state works: the forged posts were well-formed.
    String honest = "honest note " + unique();
    note.put("ticket:note", honest);
    note.put("jakarta.faces.ViewState", victimState);
    HttpResponse<String> own =
        victim.post("ticket.xhtml?id=" + ticket, WebSession.form(note), ajax);
    assertEquals(200, own.statusCode(), own::body);
    assertTrue(admin.get("tickets/" + ticket).body().contains(honest), own::body);

    // An admin form: adding an agent with the attacker's state does nothing.
    String evil = "csrf-admin-" + unique() + "@example.com";
    Map<String, String> addAgent =
        new LinkedHashMap<>(
            WebSession.ajaxPress(
                "agent-add",
                "agent-add:add",
                "agent-add",
                Map.of(
                    "agent-add:display-name", "Evil",
                    "agent-add:email", evil,
                    "agent-add:username", evil,
                    "agent-add:role_input", "admin",
                    "agent-add:password", "evil-password-1")));
    addAgent.put(
        "jakarta.faces.ViewState", WebSession.viewState(attacker.get("admin/agents.xhtml").body()));
    victim.post("admin/agents.xhtml", WebSession.form(addAgent), ajax);
    addAgent.remove("jakarta.faces.ViewState");
    victim.post("admin/agents.xhtml", WebSession.form(addAgent), ajax);
    assertEquals(404, admin.get("agents/" + q(evil)).status(), "no agent was created");

    String honestAgent = "csrf-control-" + unique() + "@example.com";
    addAgent.put("agent-add:email", honestAgent);
    addAgent.put("agent-add:username", honestAgent);
    addAgent.put("agent-add:role_input", "agent");
    addAgent.put(
        "jakarta.faces.ViewState", WebSession.viewState(victim.get("admin/agents.xhtml").body()));
    HttpResponse<String> control =
        victim.post("admin/agents.xhtml", WebSession.form(addAgent), ajax);
    assertEquals(200, admin.get("agents/" + q(honestAgent)).status(), control::body);
    assertHealthy();
  }

  private static void assertEveryPostFormHasViewState(String page, String html) {
    var forms = java.util.regex.Pattern.compile("(?s)<form\\b([^>]*)>(.*?)</form>").matcher(html);
    int count = 0;
    while (forms.find()) {
      String attributes = forms.group(1).toLowerCase();
      if (!attributes.contains("method=\"post\"")) {
        assertTrue(attributes.contains("method=\"get\""), () -> page + ": a form without a method");
        continue;
      }
      count++;
      String form = forms.group(0);
      assertTrue(
          form.contains("name=\"jakarta.faces.ViewState\""),
          () -> page + ": a POST form without a ViewState: " + abbreviate(form));
    }
    int found = count;
    assertTrue(found > 0, () -> page + " has no POST form at all");
  }

  // ---- file names ----

  @Test
  @DisplayName(
      "WhatsApp files named ../../etc/passwd and worse are stored under the data dir and offered with a safe name")
  void whatsAppMediaNamesCannotTraverse() throws IOException {
    WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    Map<String, String> names = new LinkedHashMap<>();
    names.put("../../../../etc/passwd", "passwd");
    names.put("..\\..\\windows\\win.ini", "win.ini");
    names.put("/etc/shadow", "shadow");
    names.put("résumé ✓ 日本.pdf", "résumé ✓ 日本.pdf");
    names.put("evil\0.txt", null);
    names.put("\u202Etxt.exe", null);
    names.put("a".repeat(1000) + ".pdf", null);
    names.put("factura \"2026\"; filename=evil.html.pdf", null);
    for (Map.Entry<String, String> entry : names.entrySet()) {
      String mediaId = "MEDIA" + unique();
      byte[] bytes = ("contenido de " + unique()).getBytes(StandardCharsets.UTF_8);
      cloud.addMedia(mediaId, bytes, "text/plain");
      String waId = newWaId();
      String id = wamid();
      String message =
          """
          {"from":"%s","id":"%s","timestamp":"%d","type":"document","document":{"id":"%s","mime_type":"text/plain","sha256":"%s","filename":%s}}"""
              .formatted(
                  waId,
                  id,
                  Instant.now().getEpochSecond(),
                  mediaId,
                  CloudApiStandIn.sha256(bytes),
                  HostileSupport.jsonString(entry.getKey()));
      deliver(number, payload(number, waId, "Archivo", message));
      JsonObject attachment =
          await(
              "the document of " + abbreviate(entry.getKey()),
              () ->
                  ticketsOf("+" + waId).stream()
                      .flatMap(t -> t.getJsonArray("messages").stream())
                      .flatMap(m -> m.asJsonObject().getJsonArray("attachments").stream())
                      .map(JsonValue::asJsonObject)
                      .filter(a -> a.getJsonNumber("size").longValue() == bytes.length)
                      .findFirst(),
              DEADLINE);
      assertSafeName(attachment.getString("filename"), entry.getValue());
      assertSafeDownload(attachment, bytes);
    }
    assertNoFileEscaped();
    assertTraversalRequestsAreNotFound();
    assertHealthy();
  }

  /** A name to show and to save as: no folders, no control or bidi characters, bounded. */
  static void assertSafeName(String name, String expected) {
    if (expected != null) {
      assertEquals(expected, name);
    }
    assertFalse(name.contains("/") || name.contains("\\"), name);
    assertFalse(name.equals(".") || name.equals(".."), name);
    assertFalse(name.chars().anyMatch(c -> c < 0x20 || c == 0x7f), name);
    assertFalse(
        name.chars().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)),
        name);
    assertTrue(name.length() <= 200, name);
  }

  /** The bytes come back exactly, as a download with a name that cannot break out of its header. */
  static void assertSafeDownload(JsonObject attachment, byte[] expected) {
    long id = attachment.getJsonNumber("id").longValue();
    try {
      HttpResponse<byte[]> download =
          HostileSupport.HTTP.send(
              HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/attachments/" + id))
                  .header("Authorization", basicAdmin())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(
          200, download.statusCode(), () -> new String(download.body(), StandardCharsets.UTF_8));
      assertTrue(Arrays.equals(expected, download.body()), "the stored bytes come back");
      String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
      assertTrue(disposition.startsWith("attachment;"), disposition);
      assertTrue(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f), disposition);
      String asciiName = disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1");
      assertFalse(asciiName.contains("/") || asciiName.contains("\\"), disposition);
      assertEquals(1, disposition.split("filename=", -1).length - 1, disposition);
      assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basicAdmin() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (Api.ADMIN + ":" + Api.adminPassword()).getBytes(StandardCharsets.UTF_8));
  }

  /** Every file in the data dir lives under attachments/ with a name we made up. */
  static void assertNoFileEscaped() throws IOException {
    Path data = Path.of(System.getProperty("it.data.dir", "target/it-data"));
    try (Stream<Path> files = Files.walk(data)) {
      files
          .filter(Files::isRegularFile)
          .map(data::relativize)
          .map(Path::toString)
          .filter(p -> p.startsWith("attachments"))
          .forEach(
              p ->
                  assertTrue(
                      p.matches(
                          "attachments/(whatsapp/\\d{4}/\\d{2}|\\d{4}/\\d{2}/\\d{2})/[0-9a-f-]{36}\\.[a-z0-9]{1,5}"),
                      () -> "a stored file with a name not of ours: " + p));
    }
    try (Stream<Path> files = Files.walk(data.getParent())) {
      assertTrue(
          files.noneMatch(
              p -> {
                String name = p.getFileName().toString();
                return name.equals("passwd") || name.equals("shadow") || name.equals("win.ini");
              }),
          "no file was written under a sender's name");
    }
  }

  static void assertTraversalRequestsAreNotFound() {
    Api admin = Api.asAdmin();
    for (String path :
        List.of(
            "attachments/999999999",
            "attachments/-1",
            "attachments/..%2F..%2Fetc%2Fpasswd",
            "attachments/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "attachments/1%00",
            "attachments/etc/passwd",
            "attachments/..;/..;/etc/passwd")) {
      Api.Response response = admin.get(path);
      assertTrue(
          response.status() == 404 || response.status() == 400, () -> path + ": " + response);
      assertFalse(response.body().contains("root:"), path);
    }
  }

  // ---- helpers ----

  private long newTicket(String subject) {
    return newTicket(subject, "Cliente " + unique(), "c-" + unique() + "@example.com");
  }

  private long newTicket(String subject, String name, String email) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":%s,"text":"hola","customer":{"name":%s,"email":"%s"}}"""
                .formatted(
                    HostileSupport.jsonString(subject), HostileSupport.jsonString(name), email));
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  private long createView(String json) {
    Api.Response created = admin.post("views", json);
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…(" + s.length() + " chars)";
  }
}
