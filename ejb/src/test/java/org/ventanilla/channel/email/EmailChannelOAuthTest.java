package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class EmailChannelOAuthTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  private static EmailChannel mailbox(String imapAuth) {
    EmailChannel channel = new EmailChannel("Soporte", "soporte@example.com", NOW);
    channel.configureImap(
        new MailServer(
            "outlook.office365.com", 993, "ssl", "soporte@example.com", null, null, imapAuth, null),
        null);
    channel.configureSmtp(
        new MailServer(
            "smtp.office365.com",
            587,
            "starttls",
            "soporte@example.com",
            null,
            null,
            imapAuth,
            null),
        null);
    return channel;
  }

  private static OAuthSettings microsoft(String clientId) {
    return new OAuthSettings(
        "microsoft", "contoso.onmicrosoft.com", clientId, "s3cret", null, null, null);
  }

  @Test
  @DisplayName(
      "Microsoft's endpoints carry the tenant, and its scopes cover IMAP, SMTP and refresh")
  void microsoftDefaults() {
    EmailChannel channel = mailbox("oauth2");
    channel.configureOAuth(microsoft("app-1"), "v1:sealed");
    assertEquals(
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize",
        channel.oauthAuthorizationEndpoint());
    assertEquals(
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
        channel.oauthTokenEndpoint());
    assertEquals(
        List.of(
            "https://outlook.office.com/IMAP.AccessAsUser.All",
            "https://outlook.office.com/SMTP.Send",
            "offline_access"),
        channel.oauthScopeList());
    assertEquals(MailAuth.OAUTH2, channel.getImapAuth());
  }

  @Test
  @DisplayName("Google's endpoints and its one mail scope")
  void googleDefaults() {
    EmailChannel channel = mailbox("oauth2");
    channel.configureOAuth(new OAuthSettings("google", null, "g-1", null, null, null, null), null);
    assertEquals("https://oauth2.googleapis.com/token", channel.oauthTokenEndpoint());
    assertEquals(List.of("https://mail.google.com/"), channel.oauthScopeList());
  }

  @Test
  @DisplayName("a custom provider needs both endpoints, as http(s) URLs")
  void customNeedsEndpoints() {
    EmailChannel channel = mailbox("oauth2");
    assertThrows(
        InvalidInputException.class,
        () ->
            channel.configureOAuth(
                new OAuthSettings(
                    "custom", null, "c", null, "https://a.example/authorize", null, null),
                null));
    assertThrows(
        InvalidInputException.class,
        () ->
            channel.configureOAuth(
                new OAuthSettings(
                    "custom",
                    null,
                    "c",
                    null,
                    "file:///etc/passwd",
                    "https://a.example/token",
                    null),
                null));
    channel.configureOAuth(
        new OAuthSettings(
            "custom",
            null,
            "c",
            null,
            "https://a.example/authorize",
            "https://a.example/token",
            List.of("mail", " ")),
        null);
    assertEquals(List.of("mail"), channel.oauthScopeList());
  }

  @Test
  @DisplayName("auth oauth2 without oauth settings is refused")
  void oauth2NeedsSettings() {
    assertThrows(InvalidInputException.class, () -> mailbox("oauth2").requireOAuthWhereAsked());
    mailbox("password").requireOAuthWhereAsked();
  }

  @Test
  @DisplayName("an authorization completes once, only for its admin, only before it expires")
  void authorizationIsSingleUseAndBound() {
    EmailChannel channel = mailbox("oauth2");
    channel.configureOAuth(microsoft("app-1"), null);
    channel.beginAuthorization("hash", "admin", "v1:verifier", NOW.plusSeconds(600));
    assertEquals("v1:verifier", channel.takeAuthorization("admin", NOW.plusSeconds(10)));
    assertThrows(InvalidInputException.class, () -> channel.takeAuthorization("admin", NOW));

    channel.beginAuthorization("hash", "admin", "v1:verifier", NOW.plusSeconds(600));
    assertThrows(InvalidInputException.class, () -> channel.takeAuthorization("other", NOW));
    assertThrows(InvalidInputException.class, () -> channel.takeAuthorization("admin", NOW));

    channel.beginAuthorization("hash", "admin", "v1:verifier", NOW.plusSeconds(600));
    assertThrows(
        InvalidInputException.class,
        () -> channel.takeAuthorization("admin", NOW.plusSeconds(601)));
  }

  @Test
  @DisplayName("health: connected, reconnect_needed after a revoked grant, null without OAuth2")
  void oauthHealth() {
    assertNull(mailbox("password").oauthHealth());
    EmailChannel channel = mailbox("oauth2");
    channel.configureOAuth(microsoft("app-1"), null);
    assertEquals("reconnect_needed", channel.oauthHealth());
    assertFalse(channel.canSignInToImap());
    channel.connectOAuth("v1:refresh");
    assertEquals("connected", channel.oauthHealth());
    assertTrue(channel.canSignInToImap());
    channel.oauthReconnectNeeded();
    assertEquals("reconnect_needed", channel.oauthHealth());
    assertFalse(channel.canSignInToImap(), "a revoked mailbox pauses");
  }

  @Test
  @DisplayName("another client id forgets the grant; the same settings keep it")
  void changedClientForgetsGrant() {
    EmailChannel channel = mailbox("oauth2");
    channel.configureOAuth(microsoft("app-1"), null);
    channel.connectOAuth("v1:refresh");
    channel.configureOAuth(microsoft("app-1"), null);
    assertEquals("v1:refresh", channel.getOauthRefreshTokenSealed());
    channel.configureOAuth(microsoft("app-2"), null);
    assertNull(channel.getOauthRefreshTokenSealed());
  }

  @Test
  @DisplayName("the authorization URL asks for a code with PKCE S256, the state and the scopes")
  void authorizationUrl() {
    String url =
        URLDecoder.decode(
            OAuthClient.authorizationUri(
                    "https://accounts.google.com/o/oauth2/v2/auth",
                    "g-1",
                    "http://localhost:8080/admin/oauth/callback",
                    List.of("https://mail.google.com/"),
                    "the-state",
                    "a-verifier-of-enough-length-0123456789-abcdefghijklmn",
                    OAuthProvider.GOOGLE)
                .toString(),
            StandardCharsets.UTF_8);
    assertTrue(url.contains("response_type=code"), url);
    assertTrue(url.contains("code_challenge_method=S256"), url);
    assertTrue(url.contains("code_challenge="), url);
    assertFalse(url.contains("a-verifier"), "the verifier itself never leaves");
    assertTrue(url.contains("state=the-state"), url);
    assertTrue(url.contains("scope=https://mail.google.com/"), url);
    assertTrue(url.contains("redirect_uri=http://localhost:8080/admin/oauth/callback"), url);
    assertTrue(url.contains("access_type=offline"), url);
  }
}
