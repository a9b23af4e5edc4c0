package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The satisfaction survey by mail: one link per resolved ticket, answered once, reported. */
@ExtendWith(ArquillianExtension.class)
class CsatIT {

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

  static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private long channelId;
  private String customer;

  @BeforeEach
  void mailboxWithAChannelAndSurveysOn() {
    assertEquals(200, admin.send("PUT", "settings/csat", "{\"enabled\":true}", Map.of()).status());
    mail = MailServer.start();
    mailbox = "csat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Encuestas","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    channelId = created.object().getJsonNumber("id").longValue();
    customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  /** A customer's mail becomes a ticket; its id. */
  private long mailTicket() {
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client.example.org>\nFrom: Cliente <"
            + customer
            + ">\nTo: "
            + mailbox
            + "\nSubject: Mi factura\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=UTF-8\n\nNo encuentro mi factura.\n");
    return Eventually.await(
        "the customer's ticket",
        () -> {
          admin.post("channels/" + channelId + "/poll", null);
          JsonArray found = admin.get("customers?q=" + customer).object().getJsonArray("items");
          if (found.isEmpty()) {
            return Optional.empty();
          }
          JsonArray tickets =
              admin
                  .get("customers/" + found.getJsonObject(0).getInt("id"))
                  .object()
                  .getJsonArray("tickets");
          return tickets.isEmpty()
              ? Optional.empty()
              : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        Duration.ofSeconds(30));
  }

  static HttpResponse<String> page(String method, String token, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "survey/" + token))
            .timeout(Duration.ofSeconds(20));
    if (form == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject report() {
    Api.Response report = admin.get("reports/csat");
    assertEquals(200, report.status(), report::toString);
    return report.object();
  }

  @Test
  @DisplayName(
      "a resolved mail ticket sends one survey link; the answer shows on the ticket, the inbox and"
          + " the report; a forged or reused token is refused and changes nothing")
  void surveyByMail() throws Exception {
    long id = mailTicket();
    JsonObject before = report();
    assertEquals(200, admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of()).status());

    MimeMessage[] received = mail.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, received.length, "the customer got the survey");
    String body = (String) received[0].getContent();
    assertTrue(body.contains("http://localhost:8080/survey/"), body);
    Matcher link = LINK.matcher(body);
    assertTrue(link.find(), body);
    String token = link.group(1);

    JsonObject sent = admin.get("tickets/" + id).object();
    JsonObject csat = sent.getJsonObject("csat");
    assertTrue(csat.containsKey("sentAt") && !csat.isNull("sentAt"), sent::toString);
    assertEquals(JsonValue.NULL, csat.get("answeredAt"));

    String forged = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
    assertEquals(404, page("GET", forged, null).statusCode());
    assertEquals(404, page("POST", forged, "score=1").statusCode());
    assertEquals(404, page("POST", "nada", "score=1").statusCode());

    HttpResponse<String> form = page("GET", token, null);
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("name=\"score\""), form.body());
    assertEquals("no-referrer", form.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals("nosniff", form.headers().firstValue("X-Content-Type-Options").orElse(""));

    assertEquals(400, page("POST", token, "score=9").statusCode(), "1 to 5 only");
    HttpResponse<String> answered =
        page(
            "POST",
            token,
            "score=4&comment=" + java.net.URLEncoder.encode("Rápido, gracias", "UTF-8"));
    assertEquals(200, answered.statusCode(), answered.body());
    HttpResponse<String> reused = page("POST", token, "score=1&comment=otra");
    assertEquals(410, reused.statusCode(), "a used token is refused");
    assertEquals(410, page("GET", token, null).statusCode());

    JsonObject ticket = admin.get("tickets/" + id).object();
    csat = ticket.getJsonObject("csat");
    assertEquals(4, csat.getInt("score"), "the reused token changed nothing");
    assertEquals("Rápido, gracias", csat.getString("comment"));
    assertTrue(
        ticket.getJsonArray("events").stream()
            .anyMatch(e -> e.asJsonObject().getString("type").equals("csat_answered")));
    JsonArray resolved =
        admin.get("tickets?status=resolved&size=100").object().getJsonArray("items");
    assertTrue(
        resolved.stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(t -> t.getJsonNumber("id").longValue() == id && t.getInt("csatScore") == 4));

    JsonObject after = report();
    assertEquals(before.getInt("sent") + 1, after.getInt("sent"));
    assertEquals(before.getInt("answered") + 1, after.getInt("answered"));

    // Reopened and resolved again: still one survey.
    admin.patch("tickets/" + id, "{\"status\":\"in_progress\"}", Map.of());
    admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of());
    Thread.sleep(1500);
    assertEquals(1, mail.received(customer, 1, Duration.ofSeconds(2)).length);
    assertEquals(after.getInt("sent"), report().getInt("sent"), "a ticket gets one survey");

    Api.Response csv = admin.send("GET", "reports/csat.csv", null, Map.of("Accept", "text/csv"));
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("group,key,sent,answered,responseRate,averageScore"));
  }

  @Test
  @DisplayName(
      "agents see that the survey went out (channel, time), never its token or link: not in the"
          + " ticket's JSON, the inbox list nor the ticket page; the customer's mail has the link")
  void agentsNeverSeeTheSurveyToken() throws Exception {
    long id = mailTicket();
    assertEquals(200, admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of()).status());
    MimeMessage[] received = mail.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, received.length, "the customer got the survey");
    String mailBody = (String) received[0].getContent();
    Matcher link = LINK.matcher(mailBody);
    assertTrue(link.find(), "the customer's copy carries the link: " + mailBody);
    String token = link.group(1);

    Api.Response ticket = admin.get("tickets/" + id);
    assertEquals(200, ticket.status());
    assertFalse(ticket.body().contains(token), ticket::body);
    assertFalse(ticket.body().contains("/survey/"), ticket::body);
    JsonObject sent =
        ticket.object().getJsonArray("messages").stream()
            .map(JsonValue::asJsonObject)
            .filter(m -> m.getString("text", "").contains("survey sent"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no survey message: " + ticket.body()));
    assertEquals("email", sent.getString("channel"), sent::toString);
    assertFalse(sent.isNull("createdAt"), sent::toString);
    Api.Response list = admin.get("tickets?status=resolved&size=100");
    assertFalse(list.body().contains(token), "the inbox list carries no token");

    HttpResponse<String> page =
        HostileSupport.WebSession.signIn(Api.ADMIN, Api.adminPassword())
            .get("ticket.xhtml?id=" + id);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("survey sent"), "the page tells the survey went out");
    assertFalse(page.body().contains(token), "the ticket page carries no token");
    assertFalse(page.body().contains("/survey/"), "the ticket page carries no survey link");

    // The link works for the customer all the same.
    assertEquals(200, page("GET", token, null).statusCode());
  }

  @Test
  @DisplayName("only an admin changes the survey settings")
  void settingsForAdminsOnly() {
    String agent = "agent+" + UUID.randomUUID() + "@example.com";
    assertEquals(
        201,
        admin
            .post(
                "agents",
                """
                {"displayName":"Eva","email":"%s","role":"agent","password":"eva-secret-1"}"""
                    .formatted(agent))
            .status());
    Api.Response refused =
        Api.as(agent, "eva-secret-1").send("PUT", "settings/csat", "{\"enabled\":false}", Map.of());
    assertEquals(403, refused.status(), refused::toString);
    assertEquals(200, Api.as(agent, "eva-secret-1").get("reports/csat").status());
    Api.Response bad = admin.send("PUT", "settings/csat", "{\"enabled\":\"yes\"}", Map.of());
    assertEquals(422, bad.status(), bad::toString);
    assertTrue(admin.get("settings/csat").object().getBoolean("enabled"));
  }
}
