package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Merging and splitting from the ticket page and the inbox, and the links they leave. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class MergeSplitBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  private JsonObject ticket(String email, String subject, String text, String tag) {
    Api.Response posted =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"%s","customer":{"name":"Eva","email":"%s"}}"""
                .formatted(subject, text, email));
    assertEquals(201, posted.status(), posted::toString);
    if (tag == null) {
      return posted.object();
    }
    Api.Response tagged =
        admin.patch(
            "tickets/" + posted.object().getJsonNumber("id").longValue(),
            "{\"tags\":[\"%s\"]}".formatted(tag),
            Map.of());
    assertEquals(200, tagged.status(), tagged::toString);
    return tagged.object();
  }

  private static long id(JsonObject ticket) {
    return ticket.getJsonNumber("id").longValue();
  }

  private JsonObject get(long id) {
    return admin.get("tickets/" + id).object();
  }

  @Test
  @DisplayName(
      "on the ticket page an agent merges a ticket into another by its number, splits a message"
          + " off into a new ticket, and each ticket links to the other")
  void mergeAndSplitFromTheTicketPage() throws Exception {
    String email = "eva-" + UUID.randomUUID() + "@example.org";
    JsonObject kept = ticket(email, "Pedido", "Mi pedido no llega", null);
    JsonObject merged = ticket(email, "Pedido otra vez", "Otra vez: el pedido", null);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-inbox")));
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + id(merged));
      WebElement number =
          browser.wait.until(
              ExpectedConditions.visibilityOfElementLocated(By.id("ticket:merge-into_input")));
      number.sendKeys(String.valueOf(kept.getJsonNumber("number").longValue()));
      browser.driver.findElement(By.id("ticket:merge-ticket")).click();
      browser
          .wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")))
          .click();
      browser.wait.until(ExpectedConditions.urlMatches("id=" + id(kept) + "$"));
      assertEquals(id(kept), get(id(merged)).getJsonNumber("mergedInto").longValue());
      assertEquals(2, get(id(kept)).getJsonArray("messages").size(), "the message moved");

      // The merged ticket links to the kept one and offers no more merging.
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + id(merged));
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ticket:merged-into")));
      assertEquals(0, browser.driver.findElements(By.id("ticket:merge-ticket")).size());
      browser.driver.findElement(By.id("ticket:merged-into")).click();
      browser.wait.until(ExpectedConditions.urlMatches("id=" + id(kept) + "$"));

      // Split the moved message off again.
      pick(browser, "ticket:split-message", "Otra vez");
      browser.driver.findElement(By.id("ticket:split")).click();
      browser.wait.until(
          d -> !d.getCurrentUrl().matches(".*id=(" + id(kept) + "|" + id(merged) + ")$"));
      String url = browser.driver.getCurrentUrl();
      long created = Long.parseLong(url.substring(url.lastIndexOf("id=") + 3));
      JsonObject split = get(created);
      assertEquals(id(kept), split.getJsonNumber("splitFrom").longValue());
      assertEquals(1, split.getJsonArray("messages").size());
      assertEquals(1, get(id(kept)).getJsonArray("messages").size());
      browser.screenshot("ticket-split-off");
      browser
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.id("ticket:split-from")))
          .click();
      browser.wait.until(ExpectedConditions.urlMatches("id=" + id(kept) + "$"));
    }
  }

  @Test
  @DisplayName("in the inbox the ticked tickets merge into the oldest of them")
  void bulkMergeIntoTheOldest() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String tag = "fusion-" + suffix;
    String email = "eva-" + suffix + "@example.org";
    JsonObject oldest = ticket(email, "Fusión " + suffix + " 1", "Primero", tag);
    JsonObject second = ticket(email, "Fusión " + suffix + " 2", "Segundo", tag);
    JsonObject third = ticket(email, "Fusión " + suffix + " 3", "Tercero", tag);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));
      pickFiltered(browser, "inbox:tag", tag);
      browser.wait.until(
          d ->
              d.findElements(
                          By.xpath(
                              "//tbody[@id='inbox:tickets_data']/tr[contains(., 'Fusión "
                                  + suffix
                                  + "')]"))
                      .size()
                  == 3);
      // The filter re-renders the table: a tick given while it does goes unheard, so the box is
      // ticked again until the bulk toolbar says so.
      for (int attempt = 1; ; attempt++) {
        browser.wait.until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
        try {
          browser
              .driver
              .findElement(By.cssSelector("[id='inbox:tickets'] th .ui-chkbox-box"))
              .click();
          new WebDriverWait(browser.driver, Duration.ofSeconds(3))
              .until(
                  ExpectedConditions.textToBePresentInElementLocated(
                      By.id("inbox:bulk-count"), "3 seleccionados"));
          break;
        } catch (TimeoutException | StaleElementReferenceException e) {
          if (attempt == 3) {
            throw e;
          }
        }
      }
      browser
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.id("inbox:bulk-merge")))
          .click();
      browser
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.id("inbox:merge-confirm-yes")))
          .click();
      browser.wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.xpath(
                  "//*[contains(@class,'ui-growl-title')][contains(., '2 tickets fusionados en el #"
                      + oldest.getInt("number")
                      + "')]")));
      assertEquals(id(oldest), get(id(second)).getJsonNumber("mergedInto").longValue());
      assertEquals(id(oldest), get(id(third)).getJsonNumber("mergedInto").longValue());
      assertTrue(get(id(oldest)).isNull("mergedInto"));
      assertEquals(3, get(id(oldest)).getJsonArray("messages").size());
      browser.screenshot("inbox-bulk-merge");
    }
  }

  /** Picks the option of a PrimeFaces select menu whose label contains {@code text}. */
  private static void pick(Browser browser, String id, String text) {
    choose(browser, id, text, false);
  }

  private static void pickFiltered(Browser browser, String id, String text) {
    choose(browser, id, text, true);
  }

  /** A click while the panel is still opening can go unheard: tried again until it shows. */
  private static void choose(Browser browser, String id, String text, boolean filter) {
    By option =
        By.xpath(
            "//div[@id='"
                + id
                + "_panel']//li[contains(@class,'ui-selectonemenu-item')"
                + " and contains(normalize-space(), '"
                + text
                + "')]");
    for (int attempt = 1; ; attempt++) {
      if (!browser.driver.findElement(By.id(id + "_panel")).isDisplayed()) {
        browser.driver.findElement(By.id(id)).click();
      }
      if (filter) {
        WebElement box =
            browser.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id(id + "_filter")));
        box.clear();
        box.sendKeys(text);
      }
      browser.wait.until(ExpectedConditions.elementToBeClickable(option)).click();
      try {
        new WebDriverWait(browser.driver, Duration.ofSeconds(2))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), text));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
