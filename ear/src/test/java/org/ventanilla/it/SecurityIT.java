package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Container-managed security: the realm, the roles, the API's answers and the login form. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static String newAgent(String role, String password) {
    String username = role + "+" + UUID.randomUUID() + "@example.com";
    Api.Response created =
        Api.asAdmin()
            .post(
                "agents",
                """
                {"displayName":"Test %s","email":"%s","role":"%s","password":"%s"}"""
                    .formatted(role, username, role, password));
    assertEquals(201, created.status(), created::toString);
    return username;
  }

  @Test
  @DisplayName("an API call without credentials gets a 401 in JSON, not the login page")
  void noCredentials() {
    Api.Response response = Api.anonymous().get("tickets");
    assertEquals(401, response.status());
    assertEquals("unauthorized", response.object().getString("error"));
    assertTrue(response.header("WWW-Authenticate").startsWith("Basic"));
  }

  @Test
  @DisplayName("wrong credentials get a 401 in JSON")
  void wrongPassword() {
    Api.Response response = Api.as(Api.ADMIN, "not-the-password").get("tickets");
    assertEquals(401, response.status(), response::toString);
    assertEquals("unauthorized", response.object().getString("error"));
  }

  @Test
  @DisplayName("an agent gets 403 on admin endpoints and can use the rest")
  void agentIsNotAdmin() {
    String agent = newAgent("agent", "agent-pass-1");
    Api api = Api.as(agent, "agent-pass-1");

    assertEquals(200, api.get("tickets").status());
    assertEquals(200, api.get("agents").status());
    Api.Response create =
        api.post("agents", "{\"username\":\"x\",\"role\":\"admin\",\"password\":\"12345678\"}");
    assertEquals(403, create.status());
    assertEquals("forbidden", create.object().getString("error"));
    assertEquals(403, api.get("info").status());
    assertEquals(
        403, api.patch("agents/" + agent, "{\"role\":\"admin\"}", java.util.Map.of()).status());
  }

  @Test
  @DisplayName("the info endpoint names EclipseLink as the JPA provider")
  void infoNamesEclipseLink() {
    var info = Api.asAdmin().get("info").object();
    assertEquals("EclipseLink", info.getString("jpaProvider"));
    assertTrue(info.getString("jpaProviderVersion").startsWith("4.0"));
    assertTrue(info.getString("serverVersion").contains("WildFly"));
    assertFalse(info.toString().toLowerCase().contains("password"));
  }

  @Test
  @DisplayName("a new agent can sign in at once; a deactivated one no longer can")
  void agentLifecycle() {
    String agent = newAgent("agent", "first-pass-1");
    assertEquals(200, Api.as(agent, "first-pass-1").get("agents/me").status());

    Api.Response reset =
        Api.asAdmin()
            .patch("agents/" + agent, "{\"password\":\"second-pass-2\"}", java.util.Map.of());
    assertEquals(200, reset.status(), reset::toString);
    assertFalse(reset.body().contains("second-pass-2"));
    assertEquals(401, Api.as(agent, "first-pass-1").get("agents/me").status());
    assertEquals(200, Api.as(agent, "second-pass-2").get("agents/me").status());

    Api.asAdmin().patch("agents/" + agent, "{\"active\":false}", java.util.Map.of());
    assertEquals(401, Api.as(agent, "second-pass-2").get("agents/me").status());
  }

  @Test
  @DisplayName("passwords are never returned and weak ones are refused")
  void passwords() {
    Api.Response weak =
        Api.asAdmin().post("agents", "{\"email\":\"weak@example.com\",\"password\":\"123\"}");
    assertEquals(422, weak.status());
    assertEquals("weak_password", weak.object().getString("error"));

    String agent = newAgent("agent", "hidden-pass-1");
    String listing = Api.asAdmin().get("agents").body();
    assertTrue(listing.contains(agent));
    assertFalse(listing.contains("hidden-pass-1"));
    assertFalse(listing.contains("$2a$"));
  }

  @Test
  @DisplayName(
      "repeated wrong passwords for one user are slowed down with 429, and the wait runs out")
  void bruteForceIsThrottled() throws InterruptedException {
    String victim = newAgent("agent", "right-pass-1");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, Api.as(victim, "guess-" + i).get("agents/me").status());
    }
    Api.Response throttled = null;
    for (int i = 5; i < 12 && throttled == null; i++) {
      Api.Response attempt = Api.as(victim, "guess-" + i).get("agents/me");
      if (attempt.status() == 429) {
        throttled = attempt;
      } else {
        assertEquals(401, attempt.status(), attempt::toString);
      }
    }
    assertNotNull(throttled, "a burst of wrong passwords ends in 429");
    long retryAfter = Long.parseLong(throttled.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "wait " + retryAfter);
    assertEquals(200, Api.asAdmin().get("agents/me").status(), "other users are not affected");

    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
    assertEquals(200, Api.as(victim, "right-pass-1").get("agents/me").status(), "never locked out");
  }

  @Test
  @DisplayName(
      "the login form signs an agent in through the realm, and a wrong password shows an error")
  void loginForm() throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = Api.baseUrl();

    HttpResponse<String> loginPage = get(browser, base + "ticket.xhtml?id=1");
    assertEquals(200, loginPage.statusCode());
    assertTrue(
        loginPage.body().contains("j_security_check"), "protected page shows the login form");

    HttpResponse<String> wrong = postLogin(browser, base, Api.ADMIN, "wrong-password");
    assertTrue(wrong.body().contains("login-error"), "a failed login shows the error");

    HttpResponse<String> right = postLogin(browser, base, Api.ADMIN, Api.adminPassword());
    assertEquals(302, right.statusCode(), right::body);

    HttpResponse<String> inbox = get(browser, base + "index.xhtml");
    assertEquals(200, inbox.statusCode());
    assertTrue(inbox.body().contains("id=\"current-user\">admin<"), inbox::body);
  }

  private static HttpResponse<String> get(HttpClient client, String url)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postLogin(
      HttpClient client, String base, String user, String password)
      throws IOException, InterruptedException {
    String form =
        "j_username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "j_security_check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
