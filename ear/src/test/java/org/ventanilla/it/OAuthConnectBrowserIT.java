package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin page's "Connect with Microsoft" in a real browser (issue 15): the provider's consent
 * page is the OAuth2 stand-in's (Microsoft's endpoints pointed at it), the way back is Ventanilla's
 * callback, and the mailbox then reads mail from Dovecot by XOAUTH2. Needs Dovecot and chromium:
 * skipped without them (CI has both).
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class OAuthConnectBrowserIT {

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
    oauth = OAuthStandIn.start(Duration.ofMinutes(5), "nobody@example.com");
    oauth.askForConsent();
    dovecot = DovecotServer.start(oauth.introspectionUrl());
    smtp = MailServer.start();
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

  @Test
  @DisplayName(
      "an admin connects a Microsoft 365 mailbox on its page: consent at the provider, back on the"
          + " page connected, and the mailbox reads mail by XOAUTH2")
  void adminConnectsTheMailboxInTheBrowser() throws Exception {
    // Arrange: a mailbox whose Microsoft endpoints are the stand-in's, not connected yet.
    String mailbox = "soporte-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example";
    oauth.approveAs(mailbox);
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Contoso 365","address":"%1$s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%2$d,"security":"none","username":"%1$s","auth":"oauth2","folder":"INBOX","idle":false},
             "smtp":{"host":"127.0.0.1","port":%3$d,"security":"none","username":"%1$s","auth":"oauth2"},
             "oauth":{"provider":"microsoft","tenant":"contoso.example","clientId":"%4$s","clientSecret":"%5$s",
                      "authorizationUrl":"%6$s","tokenUrl":"%7$s"}}"""
                .formatted(
                    mailbox,
                    dovecot.imapPort(),
                    smtp.smtpPort(),
                    OAuthStandIn.CLIENT_ID,
                    OAuthStandIn.CLIENT_SECRET,
                    oauth.authorizationUrl(),
                    oauth.tokenUrl()));
    assertEquals(201, created.status(), created::toString);
    long channelId = created.object().getJsonNumber("id").longValue();

    // The page speaks the admin's stored language, which other browser tests change.
    JsonObject profileBefore = admin.get("agents/me/profile").object();
    Api.Response english =
        admin.send(
            "PUT",
            "agents/me/profile",
            Json.createObjectBuilder(profileBefore).add("locale", "en").build().toString(),
            Map.of());
    assertEquals(200, english.status(), english::toString);
    try (Browser browser = Browser.open("en")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
      browser.driver.get(Api.baseUrl() + "admin/channel-email.xhtml?id=" + channelId);
      browser.wait.until(
          ExpectedConditions.textToBe(
              By.id("oauth-state"), "The mailbox needs to be connected (again)."));
      String redirectUri =
          browser.driver.findElement(By.id("oauth:redirect-uri")).getAttribute("value");
      assertEquals(Api.baseUrl() + "admin/oauth/callback", redirectUri, "the URI to copy");

      // Act: the button, the provider's consent page, and back.
      By connect = By.id("oauth:connect-oauth");
      assertEquals("Connect with Microsoft", browser.driver.findElement(connect).getText());
      browser.driver.findElement(connect).click();
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
      assertTrue(
          browser.driver.getCurrentUrl().startsWith(oauth.authorizationUrl() + "?"),
          browser.driver.getCurrentUrl());
      assertTrue(browser.driver.getPageSource().contains(mailbox), "consent as the mailbox");
      browser.driver.findElement(By.id("allow")).click();

      // Assert: the mailbox's page again, connected.
      browser.wait.until(ExpectedConditions.textToBe(By.id("oauth-state"), "Connected."));
      assertTrue(
          browser.driver.getCurrentUrl().contains("channel-email.xhtml?id=" + channelId),
          browser.driver.getCurrentUrl());
      browser.screenshot("oauth-connected");
    } finally {
      admin.send("PUT", "agents/me/profile", profileBefore.toString(), Map.of());
    }
    assertEquals(1, oauth.exchanges(), "one code exchanged");
    assertEquals(
        "connected",
        admin.get("channels/" + channelId).object().getJsonObject("health").getString("oauth"));

    // A mail to the mailbox comes in by IMAP AUTHENTICATE XOAUTH2 (Dovecot asks the stand-in).
    String customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    dovecot.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nSubject: Pedido retrasado\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=UTF-8\n\nMi pedido no ha llegado.\n");
    JsonArray tickets =
        Eventually.await(
            "a ticket for " + customer,
            () -> {
              Api.Response polled = admin.post("channels/" + channelId + "/poll", null);
              assertEquals(200, polled.status(), polled::toString);
              JsonArray customers =
                  admin.get("customers?q=" + customer).object().getJsonArray("items");
              if (customers.isEmpty()) {
                return Optional.empty();
              }
              JsonArray found =
                  admin
                      .get(
                          "customers/" + customers.getJsonObject(0).getJsonNumber("id").longValue())
                      .object()
                      .getJsonArray("tickets");
              return found.isEmpty() ? Optional.empty() : Optional.of(found);
            },
            Duration.ofSeconds(30));
    assertEquals(1, tickets.size(), "one ticket for the mail");
    assertTrue(oauth.introspections() > 0, "Dovecot checked the access token with the stand-in");
  }
}
