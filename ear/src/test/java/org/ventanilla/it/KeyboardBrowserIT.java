package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An agent works a ticket with the keyboard alone: skip link, open it from the inbox, answer, add a
 * note, assign and resolve it. Every element the keyboard reaches shows that it has the focus.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class KeyboardBrowserIT {

  private static final int MAX_TABS = 80;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName("open, answer, note, assign and resolve a ticket with the keyboard alone")
  void keyboardOnly() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String subject = "Teclado " + suffix;
    String helper = "kbd-" + suffix;
    Api admin = Api.asAdmin();
    assertEquals(
        201,
        admin
            .post(
                "agents",
                """
                {"username":"%s","displayName":"Zeta %s","email":"%s@example.com",
                 "role":"agent","password":"Agente-Secreta-1"}"""
                    .formatted(helper, suffix, helper))
            .status());
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Sin ratón",
             "customer":{"name":"Cliente teclado","email":"kbd-%s@example.com"}}"""
                .formatted(subject, suffix));
    assertEquals(201, created.status(), created::toString);
    long id = created.object().getJsonNumber("id").longValue();

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));

      // The first Tab reaches the skip link, shown while focused; Enter moves to the content.
      browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      WebElement skip = active(browser);
      assertEquals("skip-link", skip.getAttribute("class"));
      assertTrue(skip.isDisplayed(), "the skip link shows when focused");
      assertFocusVisible(browser);
      skip.sendKeys(Keys.ENTER);
      browser.wait.until(d -> "main".equals(active(browser).getAttribute("id")));

      // j marks the next ticket (the inbox's mail-client keys), Enter opens the marked one.
      boolean marked = false;
      for (int i = 0; i < 40 && !marked; i++) {
        active(browser).sendKeys("j");
        marked =
            !browser
                .driver
                .findElements(
                    By.xpath("//tr[contains(@class,'row-current')]//a[.='" + subject + "']"))
                .isEmpty();
      }
      assertTrue(marked, "j reached the ticket " + subject);
      active(browser).sendKeys(Keys.ENTER);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:subject"), subject));

      // Answer: Tab to the reply, type, Ctrl+Enter sends.
      tabTo(browser, "ticket:reply");
      active(browser).sendKeys("Respuesta sin ratón " + suffix);
      active(browser).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:timeline"), "Respuesta sin ratón " + suffix));

      // Note: Tab to the note, type, Tab to its button, Enter.
      tabTo(browser, "ticket:note");
      active(browser).sendKeys("Nota sin ratón " + suffix);
      tabTo(browser, "ticket:add-note");
      active(browser).sendKeys(Keys.ENTER);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:timeline"), "Nota sin ratón " + suffix));

      // Assign and resolve: the menus take the first letters of an item; Enter on Save.
      tabTo(browser, "ticket:status_label", "ticket:status_focus");
      pick(browser, "ticket:status", "Resuelto");
      tabTo(browser, "ticket:assignee_label", "ticket:assignee_focus");
      pick(browser, "ticket:assignee", "Zeta");
      tabTo(browser, "ticket:save");
      active(browser).sendKeys(Keys.ENTER);

      Eventually.await(
          "the ticket resolved and assigned to " + helper,
          () -> {
            var ticket = admin.get("tickets/" + id).object();
            return "resolved".equals(ticket.getString("status"))
                    && ticket.get("assignee") instanceof jakarta.json.JsonString a
                    && helper.equals(a.getString())
                ? Optional.of(ticket)
                : Optional.<jakarta.json.JsonObject>empty();
          },
          Duration.ofSeconds(10));
    }
  }

  private static WebElement active(Browser browser) {
    return browser.driver.switchTo().activeElement();
  }

  /** Presses Tab until the element with that id has the focus, checking each stop shows it. */
  /** Arrow keys on a focused menu until its label shows the item wanted. */
  private static void pick(Browser browser, String menu, String label) {
    for (int i = 0; i < 30; i++) {
      String shown = browser.driver.findElement(By.id(menu + "_label")).getText();
      if (shown.contains(label)) {
        return;
      }
      active(browser).sendKeys(Keys.ARROW_DOWN);
    }
    throw new AssertionError("the arrow keys never chose " + label + " in " + menu);
  }

  private static void tabTo(Browser browser, String... ids) {
    String id = ids[0];
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < MAX_TABS; i++) {
      WebElement now = active(browser);
      if (List.of(ids).contains(now.getAttribute("id"))) {
        assertFocusVisible(browser);
        return;
      }
      passed.add(now.getTagName() + "#" + now.getAttribute("id"));
      now.sendKeys(Keys.TAB);
    }
    throw new AssertionError(
        "Tab never reached " + id + " in " + MAX_TABS + " presses, passing " + passed);
  }

  /** The focused element (or the widget it belongs to) draws an outline or a ring. */
  private static void assertFocusVisible(Browser browser) {
    Object shown =
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                """
                var e = document.activeElement;
                for (var i = 0; e && i < 4; i++, e = e.parentElement) {
                  var s = getComputedStyle(e);
                  if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                      || (s.boxShadow && s.boxShadow !== 'none')) { return true; }
                }
                return false;""");
    assertEquals(
        Boolean.TRUE,
        shown,
        () -> "no visible focus on " + active(browser).getAttribute("outerHTML"));
  }
}
