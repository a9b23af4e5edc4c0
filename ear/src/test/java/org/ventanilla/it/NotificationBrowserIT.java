package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * A second agent assigns a ticket to the first: the first agent's open page shows a browser
 * notification for it within the alert poll's delay, and the title counts their unread message.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class NotificationBrowserIT {

  /** Stands in for the browser's Notification, permission granted, recording what is shown. */
  private static final String HOOK =
      """
      window.__shown = [];
      window.Notification = function (title, options) {
        window.__shown.push(title + ' | ' + (options && options.body));
      };
      window.Notification.permission = 'granted';
      window.Notification.requestPermission = function () { return Promise.resolve('granted'); };
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
      browser.signIn(first, password);
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      js.executeScript(HOOK);
      // The page's first poll sets where its news start.
      browser.wait.until(
          d ->
              Boolean.TRUE.equals(
                  js.executeScript("return window.ventanillaAlertsReady === true;")));

      Api.Response assigned =
          Api.as(second, password)
              .patch("tickets/" + id, "{\"assignee\":\"" + first + "\"}", Map.of());
      assertEquals(200, assigned.status(), assigned::toString);

      String shown =
          Eventually.await(
              "a notification for " + subject,
              () -> {
                @SuppressWarnings("unchecked")
                List<Object> all = (List<Object>) js.executeScript("return window.__shown;");
                return all.stream()
                    .map(String::valueOf)
                    .filter(s -> s.contains(subject))
                    .findFirst();
              },
              Duration.ofSeconds(10));
      assertTrue(shown.startsWith("Te han asignado · #"), shown);
      Eventually.await(
          "the unread count in the title",
          () -> Optional.of(browser.driver.getTitle()).filter(t -> t.startsWith("(1) ")),
          Duration.ofSeconds(10));
    }
  }
}
