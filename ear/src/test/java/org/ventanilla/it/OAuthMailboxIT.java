package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mailboxes that sign in by OAuth2 (issue 15), against a real Dovecot whose oauth2 passdb asks an
 * OAuth2 authorization-server stand-in whether a token is alive (access tokens live 5 s here), and
 * GreenMail for SMTP, whose XOAUTH2 accepts the access token the stand-in issued last. Needs
 * Dovecot (Debian's dovecot-imapd): skipped without it, failing instead with {@code
 * -Dit.dovecot.required=true} (CI).
 */
@ExtendWith(ArquillianExtension.class)
class OAuthMailboxIT {

  private static final Duration ACCESS_TTL = Duration.ofSeconds(5);
  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static OAuthStandIn oauth;
  private static DovecotServer dovecot;
  private static MailServer smtp;
  private final Api admin = Api.asAdmin();

  @BeforeAll
  static void servers() {
    boolean present = DovecotServer.binary().isPresent();
    if (DovecotServer.required()) {
      assertTrue(
          present, "it.dovecot.required is set but there is no Dovecot (-Dit.dovecot.binary)");
    }
    assumeTrue(
        present, "No Dovecot at /usr/sbin/dovecot or -Dit.dovecot: apt-get install dovecot-imapd");
    oauth = OAuthStandIn.start(ACCESS_TTL, "nobody@example.com");
    dovecot = DovecotServer.start(oauth.introspectionUrl());
    smtp = MailServer.start();
    // GreenMail's XOAUTH2 takes the token as the user's password: the latest one issued.
    oauth.onIssue((user, token) -> smtp.greenMail().setUser(user, user, token));
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.close();
    }
    if (dovecot != null) {
      dovecot.close();
    }
    if (oauth != null) {
      oauth.close();
    }
  }

  private static String unique(String prefix, String domain) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }

  private long oauthChannel(String mailbox) {
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Microsoft 365","address":"%1$s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%2$d,"security":"none","username":"%1$s","auth":"oauth2","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%3$d,"security":"none","username":"%1$s","auth":"oauth2"},
             "oauth":{"provider":"custom","clientId":"%4$s","clientSecret":"%5$s",
                      "authorizationUrl":"%6$s","tokenUrl":"%7$s","scopes":["mail","offline_access"]}}"""
                .formatted(
                    mailbox,
                    dovecot.imapPort(),
                    smtp.smtpPort(),
                    OAuthStandIn.CLIENT_ID,
                    OAuthStandIn.CLIENT_SECRET,
                    oauth.authorizationUrl(),
                    oauth.tokenUrl()));
    assertEquals(201, created.status(), created::toString);
    assertFalse(created.body().contains(OAuthStandIn.CLIENT_SECRET), "the secret is never shown");
    JsonObject settings = created.object().getJsonObject("oauth");
    assertTrue(settings.getBoolean("clientSecretSet"));
    assertEquals("oauth2", created.object().getJsonObject("imap").getString("auth"));
    return created.object().getJsonNumber("id").longValue();
  }

  /** Start, the provider's consent (auto-approved), the callback: as an admin's browser would. */
  private void connect(long channelId, String mailbox) throws Exception {
    oauth.approveAs(mailbox);
    Api.Response started = admin.post("channels/" + channelId + "/oauth/start", null);
    assertEquals(200, started.status(), started::toString);
    String authorizationUrl = started.object().getString("authorizationUrl");
    assertTrue(authorizationUrl.startsWith(oauth.authorizationUrl() + "?"), authorizationUrl);
    assertTrue(authorizationUrl.contains("code_challenge_method=S256"), authorizationUrl);
    assertTrue(authorizationUrl.contains("state="), authorizationUrl);

    HttpResponse<String> consent =
        BROWSER.send(
            HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, consent.statusCode(), consent::body);
    String location = consent.headers().firstValue("Location").orElseThrow();
    assertTrue(location.contains("/admin/oauth/callback?code="), location);
    String query = location.substring(location.indexOf('?') + 1);

    Api.Response callback = admin.download("admin/oauth/callback?" + query);
    assertEquals(302, callback.status(), callback::toString);
    assertTrue(
        callback.header("Location").contains("channel-email.xhtml?id=" + channelId),
        callback::toString);
    Api.Response replayed = admin.download("admin/oauth/callback?" + query);
    assertEquals(400, replayed.status(), "a state is used once: " + replayed);
  }

  private JsonObject health(long channelId) {
    return admin.get("channels/" + channelId).object().getJsonObject("health");
  }

  private void poll(long channelId) {
    Api.Response polled = admin.post("channels/" + channelId + "/poll", null);
    assertEquals(200, polled.status(), polled::toString);
  }

  private JsonArray ticketsOf(String email) {
    JsonArray customers = admin.get("customers?q=" + email).object().getJsonArray("items");
    if (customers.isEmpty()) {
      return jakarta.json.Json.createArrayBuilder().build();
    }
    long id = customers.getJsonObject(0).getJsonNumber("id").longValue();
    return admin.get("customers/" + id).object().getJsonArray("tickets");
  }

  /** Polls until the customer has a ticket; its id. */
  private long ticketAfterPolls(long channelId, String customer) {
    return Eventually.await(
        "a ticket for " + customer,
        () -> {
          poll(channelId);
          JsonArray tickets = ticketsOf(customer);
          return tickets.isEmpty()
              ? Optional.empty()
              : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        Duration.ofSeconds(20));
  }

  private int messagesOn(long ticketId) {
    return admin.get("tickets/" + ticketId).object().getJsonArray("messages").size();
  }

  private static String mail(String from, String to, String subject, String body) {
    return mail(from, to, subject, body, null);
  }

  private static String mail(
      String from, String to, String subject, String body, String inReplyTo) {
    return "Message-ID: <"
        + UUID.randomUUID()
        + "@client.example.org>\n"
        + (inReplyTo == null
            ? ""
            : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
        + "From: "
        + from
        + "\nTo: "
        + to
        + "\nSubject: "
        + subject
        + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n";
  }

  @Test
  @DisplayName(
      "a mailbox connected by the consent flow reads and answers mail with XOAUTH2, also after its"
          + " access token expired")
  void connectedMailboxReadsAndAnswersAcrossTokenExpiry() throws Exception {
    String mailbox = unique("soporte", "contoso.example");
    long channelId = oauthChannel(mailbox);
    assertEquals("reconnect_needed", health(channelId).getString("oauth"), "not connected yet");

    int exchanges = oauth.exchanges();
    connect(channelId, mailbox);
    JsonObject health = health(channelId);
    assertEquals("connected", health.getString("oauth"));
    assertEquals(exchanges + 1, oauth.exchanges(), "one code exchanged");

    // The mailbox's admin page: the redirect URI to copy, the state, the connect button.
    Api.Response page = admin.download("admin/channel-email.xhtml?id=" + channelId);
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("/admin/oauth/callback"), "the redirect URI to copy");
    assertTrue(page.body().contains("connect-oauth"), "the connect button");
    assertFalse(page.body().contains(OAuthStandIn.CLIENT_SECRET), "no secret on the page");

    String customer = unique("cliente", "example.org");
    dovecot.deliver(
        mailbox, mail(customer, mailbox, "Factura duplicada", "Me cobraron dos veces."));
    long ticketId = ticketAfterPolls(channelId, customer);
    assertTrue(oauth.introspections() > 0, "Dovecot checked the token with the stand-in");

    Api.Response reply =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"Lo revisamos hoy.\"}");
    assertEquals(201, reply.status(), reply::toString);
    MimeMessage[] answered = smtp.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, answered.length, "the reply left by SMTP AUTH XOAUTH2");

    // The access token expires: the next poll and the next send refresh it first.
    int refreshes = oauth.refreshes();
    Thread.sleep(ACCESS_TTL.plusSeconds(1).toMillis());
    dovecot.deliver(
        mailbox,
        mail(
            customer,
            mailbox,
            answered[0].getSubject(),
            "¿Alguna novedad?",
            answered[0].getMessageID()));
    try {
      Eventually.await(
          "the second mail on the ticket",
          () -> {
            poll(channelId);
            return messagesOn(ticketId) >= 3 ? Optional.of(true) : Optional.empty();
          },
          Duration.ofSeconds(20));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + ": tickets "
              + ticketsOf(customer)
              + ", ticket "
              + admin.get("tickets/" + ticketId).body()
              + ", poll "
              + admin.post("channels/" + channelId + "/poll", null).body()
              + ", channel "
              + admin.get("channels/" + channelId).body()
              + ", dovecot "
              + dovecot.log(),
          e);
    }
    assertTrue(oauth.refreshes() > refreshes, "the expired token was refreshed");
    Api.Response second =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"Ya está corregido.\"}");
    assertEquals(201, second.status(), second::toString);
    assertEquals(2, smtp.received(customer, 2, Duration.ofSeconds(20)).length);
    assertEquals("connected", health(channelId).getString("oauth"));
  }

  @Test
  @DisplayName(
      "a revoked grant shows reconnect_needed and pauses only that mailbox; a password mailbox"
          + " keeps working")
  void revokedGrantPausesOnlyItsMailbox() throws Exception {
    String revokedBox = unique("ventas", "contoso.example");
    long revoked = oauthChannel(revokedBox);
    connect(revoked, revokedBox);

    String passwordBox = unique("info", "contoso.example");
    dovecot.addPasswordUser(passwordBox, "pw-of-the-box");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Info","address":"%1$s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%2$d,"security":"none","username":"%1$s","password":"pw-of-the-box","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%3$d,"security":"none"}}"""
                .formatted(passwordBox, dovecot.imapPort(), smtp.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    long password = created.object().getJsonNumber("id").longValue();
    assertTrue(health(password).isNull("oauth"), "no OAuth2 on a password mailbox");

    oauth.revokeGrantsOf(revokedBox);
    Thread.sleep(ACCESS_TTL.plusSeconds(1).toMillis());
    String customer = unique("cliente", "example.org");
    dovecot.deliver(revokedBox, mail(customer, revokedBox, "Pedido", "Hola"));
    Eventually.await(
        "reconnect_needed",
        () -> {
          poll(revoked);
          JsonObject health = health(revoked);
          return "reconnect_needed".equals(health.getString("oauth"))
              ? Optional.of(health)
              : Optional.empty();
        },
        Duration.ofSeconds(20));
    assertTrue(ticketsOf(customer).isEmpty(), "nothing read without a grant");
    assertNotEquals("", health(revoked).getString("lastError", ""), "the error says to reconnect");

    String other = unique("otro", "example.org");
    dovecot.deliver(passwordBox, mail(other, passwordBox, "Consulta", "¿Abren el sábado?"));
    ticketAfterPolls(password, other);

    // Reconnecting brings the mail that waited.
    connect(revoked, revokedBox);
    assertEquals("connected", health(revoked).getString("oauth"));
    ticketAfterPolls(revoked, customer);
  }
}
