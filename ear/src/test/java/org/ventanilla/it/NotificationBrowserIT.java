package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A second agent, in a second browser, assigns a ticket to the first from the ticket page: the
 * first agent's open inbox shows a real browser notification for it within the alert poll's delay
 * (Chrome's permission granted by the test), and the title counts their unread message.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class NotificationBrowserIT {

  /**
   * Wraps Chrome's own Notification to record each one made (and whether Chrome failed to show it),
   * still creating the real one; permission and requestPermission stay Chrome's.
   */
  private static final String RECORDER =
      """
      (function () {
        const Real = window.Notification;
        if (!Real) { return; }
        window.__made = [];
        window.__failed = [];
        function Recording(title, options) {
          const real = new Real(title, options);
          window.__made.push(title + ' | ' + (options && options.body));
          real.addEventListener('error', () => window.__failed.push(title));
          return real;
        }
        Recording.prototype = Real.prototype;
        Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
        Recording.requestPermission = (...args) => Real.requestPermission(...args);
        window.Notification = Recording;
      })();
      """;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName("a second agent's assignment makes a notification appear in the first's browser")
  void assignmentNotifies() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String first = "first-" + suffix;
    String second = "second-" + suffix;
    String password = "Agente-Secreta-1";
    Api admin = Api.asAdmin();
    for (String name : List.of(first, second)) {
      assertEquals(
          201,
          admin
              .post(
                  "agents",
                  """
                  {"username":"%s","displayName":"%s","email":"%s@example.com",
                   "role":"agent","password":"%s"}"""
                      .formatted(name, name, name, password))
              .status());
    }
    String subject = "Aviso " + suffix;
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"¿Alguien?",
             "customer":{"name":"Cliente aviso","email":"aviso-%s@example.com"}}"""
                .formatted(subject, suffix));
    assertEquals(201, created.status(), created::toString);
    long id = created.object().getJsonNumber("id").longValue();

    try (Browser browser = Browser.open("es")) {
      browser.grantNotifications(Api.baseUrl());
      browser.beforeEveryPage(RECORDER);
      browser.signIn(first, password);
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      assertEquals(
          "granted",
          js.executeScript("return Notification.permission;"),
          "Chrome itself reports the permission the test granted");
      // The page's first poll sets where its news start.
      browser.wait.until(
          d ->
              Boolean.TRUE.equals(
                  js.executeScript("return window.ventanillaAlertsReady === true;")));

      try (Browser colleague = Browser.open("es")) {
        colleague.signIn(second, password);
        colleague.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));
        colleague.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + id);
        colleague.choose("ticket:assignee", first);
        colleague.driver.findElement(By.id("ticket:save")).click();
        colleague.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:activity"), first));
      }

      String made =
          Eventually.await(
              "a notification for " + subject,
              () -> {
                @SuppressWarnings("unchecked")
                List<Object> all = (List<Object>) js.executeScript("return window.__made;");
                return all.stream()
                    .map(String::valueOf)
                    .filter(s -> s.contains(subject))
                    .findFirst();
              },
              Duration.ofSeconds(10));
      assertTrue(made.startsWith("Te han asignado · #"), made);
      assertEquals(
          List.of(),
          js.executeScript("return window.__failed;"),
          "Chrome raised no error for the notification");
      Eventually.await(
          "the unread count in the title",
          () -> Optional.of(browser.driver.getTitle()).filter(t -> t.startsWith("(1) ")),
          Duration.ofSeconds(10));
    }
  }
}
