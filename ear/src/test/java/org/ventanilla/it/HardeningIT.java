package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.HostileSupport.WebSession.form;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.HostileSupport.WebSession;

/**
 * What the security review tried from outside: locking a user out, cookies and headers browsers
 * enforce, and surface that should not be there.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {

  static {
    // WildFly's HTTPS listener presents its self-generated certificate for "localhost".
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
  }

  private static final java.util.regex.Pattern INLINE_HANDLER =
      java.util.regex.Pattern.compile("<[^>]+\\son(click|change|load|submit|complete)=\"");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "ten bad form sign-ins for admin are slowed down, yet within a minute the right password"
          + " signs admin in by the form and by Basic, and the agents page shows the failures")
  void nobodyCanLockAdminOut() throws InterruptedException {
    WebSession attacker = new WebSession();
    int slowedDown = 0;
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> attempt = formSignIn(attacker, Api.ADMIN, "guess-" + i);
      if (attempt.statusCode() == 303
          && attempt.headers().firstValue("Location").orElse("").contains("throttled=true")) {
        assertTrue(attempt.headers().firstValue("Retry-After").isPresent());
        slowedDown++;
      } else {
        assertEquals(200, attempt.statusCode(), attempt::body);
        assertTrue(attempt.body().contains("login-error"), "a wrong password shows the error");
      }
    }
    assertTrue(slowedDown > 0, "a burst of wrong passwords is slowed down");

    WebSession admin = new WebSession();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    HttpResponse<String> right = formSignIn(admin, Api.ADMIN, Api.adminPassword());
    while (right.statusCode() != 302 && Instant.now().isBefore(deadline)) {
      long wait = Long.parseLong(right.headers().firstValue("Retry-After").orElse("1"));
      assertTrue(wait <= 60, "never a wait longer than a minute: " + wait);
      Thread.sleep(Duration.ofSeconds(wait).toMillis());
      right = formSignIn(admin, Api.ADMIN, Api.adminPassword());
    }
    assertEquals(302, right.statusCode(), "the right password got in within a minute");
    assertEquals(200, Api.asAdmin().get("agents/me").status(), "and Basic works too");

    HttpResponse<String> agents = admin.get("admin/agents.xhtml");
    assertEquals(200, agents.statusCode());
    assertTrue(agents.body().contains("class=\"failed-sign-ins\""), "the admin sees the failures");
    assertTrue(agents.body().contains("127.0.0.1"), "and where they came from");
  }

  @Test
  @DisplayName(
      "the session cookie is HttpOnly and SameSite=Lax over HTTP, and also Secure over TLS")
  void sessionCookieAsBrowsersNeedIt() throws Exception {
    String plain = sessionCookie(HttpClient.newHttpClient(), Api.baseUrl());
    assertTrue(plain.contains("HttpOnly"), plain);
    assertTrue(plain.toLowerCase().contains("samesite=lax"), plain);
    assertFalse(plain.toLowerCase().contains("secure"), "no Secure over plain HTTP: " + plain);

    HttpResponse<String> tls = tlsGet("login.xhtml");
    String secure = cookieOf(tls, "JSESSIONID");
    assertTrue(secure.toLowerCase().contains("secure"), secure);
    assertTrue(secure.toLowerCase().contains("samesite=lax"), secure);
    assertEquals(
        "max-age=31536000", tls.headers().firstValue("Strict-Transport-Security").orElse(""));
  }

  @Test
  @DisplayName(
      "the login page, the inbox, the ticket page and the API send the anti-framing, nosniff and"
          + " referrer headers")
  void securityHeadersOnEveryAnswer() {
    long ticket =
        Api.asAdmin()
            .post(
                "tickets",
                """
                {"channel":"email","subject":"Headers","text":"x",
                 "customer":{"name":"Headers","email":"headers-%s@example.com"}}"""
                    .formatted(HostileSupport.unique()))
            .object()
            .getJsonNumber("id")
            .longValue();
    WebSession anonymous = new WebSession();
    assertHardened(anonymous.get("login.xhtml"));
    WebSession agent = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    HttpResponse<String> inbox = agent.get("index.xhtml");
    assertHardened(inbox);
    HttpResponse<String> ticketPage = agent.get("ticket.xhtml?id=" + ticket);
    assertHardened(ticketPage);
    for (HttpResponse<String> page : List.of(inbox, ticketPage)) {
      assertTrue(
          page.headers().allValues("Content-Security-Policy").stream()
              .anyMatch(p -> p.contains("script-src") && p.contains("'nonce-")),
          "pages allow only their own scripts: " + page.headers().map());
      assertFalse(
          INLINE_HANDLER.matcher(page.body()).find(),
          "no inline event handler, which the policy would block");
    }
    assertHardened(agent.get("api/v1/agents/me"));
    assertHardened(anonymous.get("api/v1/tickets"));
  }

  @Test
  @DisplayName("WildFly's remote-EJB endpoint /wildfly-services is not there")
  void noHttpInvoker() {
    HttpResponse<String> invoker = new WebSession().get("wildfly-services");
    assertEquals(404, invoker.statusCode(), invoker::body);
    HttpResponse<String> deeper = new WebSession().get("wildfly-services/ejb/v1/");
    assertEquals(404, deeper.statusCode(), deeper::body);
  }

  @Test
  @DisplayName(
      "a session cookie with a foreign Origin is refused even when a bogus Authorization header"
          + " comes along")
  void bogusAuthorizationDoesNotExemptACrossSiteRequest() {
    WebSession session = WebSession.signIn(Api.ADMIN, Api.adminPassword());
    String email = "bogus-auth-" + HostileSupport.unique() + "@example.com";
    String body =
        """
        {"channel":"email","subject":"CSRF","text":"x","customer":{"name":"Csrf","email":"%s"}}"""
            .formatted(email);
    for (String authorization : List.of("Bearer x", "Negotiate abc", "Basic")) {
      HttpResponse<String> refused =
          session.send(
              HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/tickets"))
                  .header("Content-Type", "application/json")
                  .header("Origin", "https://evil.example")
                  .header("Authorization", authorization)
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertEquals(403, refused.statusCode(), authorization + ": " + refused.body());
    }
    assertTrue(HostileSupport.ticketsOf(email).isEmpty(), "nothing was created");
  }

  private static void assertHardened(HttpResponse<String> response) {
    String where = response.uri() + " (" + response.statusCode() + ")";
    assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
    assertEquals(
        "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
    assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), where);
    assertTrue(
        response.headers().allValues("Content-Security-Policy").stream()
            .anyMatch(p -> p.contains("frame-ancestors 'none'")),
        where + " " + response.headers().allValues("Content-Security-Policy"));
  }

  private static HttpResponse<String> formSignIn(WebSession client, String user, String password) {
    return client.post(
        "j_security_check", form(Map.of("j_username", user, "j_password", password)), Map.of());
  }

  private static String sessionCookie(HttpClient client, String base)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    return cookieOf(page, "JSESSIONID");
  }

  private static String cookieOf(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + response.headers()));
  }

  private static HttpResponse<String> tlsGet(String path) throws Exception {
    TrustManager[] trustAll = {
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, trustAll, new SecureRandom());
    int port = URI.create(Api.baseUrl()).getPort() - 8080 + 8443;
    HttpClient client =
        HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
    return client.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/" + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
