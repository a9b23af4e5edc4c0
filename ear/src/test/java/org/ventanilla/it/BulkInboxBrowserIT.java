package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox's bulk actions, saved views, tag filter and Breaching view, in a real browser. The
 * test's tickets carry a tag of their own, so whatever other tests left in the shared database
 * never shows in the filtered list.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class BulkInboxBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api api = Api.asAdmin();
  private final List<String> cleanup = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() {
    for (String path : cleanup) {
      api.send("DELETE", path, null, Map.of());
    }
  }

  private JsonObject newTicket(String subject, String tag, String suffix) {
    Api.Response created =
        api.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Hola",
             "customer":{"name":"Cliente %s","email":"lote-%s@example.com"}}"""
                .formatted(subject, suffix, UUID.randomUUID().toString().substring(0, 8)));
    assertEquals(201, created.status(), created::toString);
    long id = created.object().getJsonNumber("id").longValue();
    Api.Response tagged =
        api.patch("tickets/" + id, "{\"tags\":[\"%s\"]}".formatted(tag), Map.of());
    assertEquals(200, tagged.status(), tagged::toString);
    return tagged.object();
  }

  @Test
  @DisplayName(
      "an agent filters by tag, ticks the page, assigns in bulk and is told which ticket someone"
          + " changed meanwhile; saves the filter as a view with its live count; opens Breaching")
  void bulkAssignSavedViewAndBreaching() throws Exception {
    // Arrange: an agent to assign to and three tickets with a tag of this test only.
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String bea = "bea-" + suffix;
    Api.Response agent =
        api.post(
            "agents",
            """
            {"username":"%s","displayName":"Bea %s","email":"%s@example.com",
             "role":"agent","password":"Agente-Secreta-1"}"""
                .formatted(bea, suffix, bea));
    assertEquals(201, agent.status(), agent::toString);
    String tag = "lote-" + suffix;
    List<JsonObject> tickets = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      tickets.add(newTicket("Lote " + suffix + " " + i, tag, suffix));
    }
    JsonObject changedMeanwhile = tickets.get(1);
    long changedId = changedMeanwhile.getJsonNumber("id").longValue();

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));

      // The tag filter leaves this test's three tickets, each with its tag as a chip.
      chooseFiltered(browser, "inbox:tag", tag);
      browser.wait.until(d -> rows(browser).size() == 3);
      for (WebElement row : rows(browser)) {
        assertTrue(row.getText().contains("Lote " + suffix), row::getText);
        assertEquals(tag, row.findElement(By.className("tag-chip")).getText());
      }

      // Tick the whole page.
      browser.driver.findElement(By.cssSelector("[id='inbox:tickets'] th .ui-chkbox-box")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("inbox:bulk-count"), "3 seleccionados"));

      // Someone else changes one of them through the API, on the version the inbox shows.
      Api.Response current = api.get("tickets/" + changedId);
      Api.Response patched =
          api.patch(
              "tickets/" + changedId,
              "{\"priority\":\"high\"}",
              Map.of("If-Match", current.header("ETag")));
      assertEquals(200, patched.status(), patched::toString);
      // The live refresh shows the change and keeps the rows ticked.
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              rowOf(changedMeanwhile.getJsonNumber("number").longValue()), "Alta"));
      assertEquals(
          3,
          browser
              .driver
              .findElements(By.cssSelector("[id='inbox:tickets_data'] tr[aria-selected='true']"))
              .size(),
          "a live refresh keeps the ticked rows");

      // Act: assign the three to Bea.
      choose(browser, "inbox:bulk-assignee", "Bea " + suffix);
      browser.driver.findElement(By.id("inbox:bulk-assign")).click();

      // Assert: two assigned, the changed one reported by number and left as it was.
      long changedNumber = changedMeanwhile.getJsonNumber("number").longValue();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("inbox:bulk-report"), "#" + changedNumber));
      String report = browser.driver.findElement(By.id("inbox:bulk-report")).getText();
      assertTrue(report.contains("2 actualizados, 1 sin actualizar"), report);
      assertTrue(report.contains("lo ha cambiado otra persona"), report);
      browser.screenshot("inbox-bulk-report-es");
      for (JsonObject ticket : tickets) {
        long id = ticket.getJsonNumber("id").longValue();
        JsonObject now = api.get("tickets/" + id).object();
        if (id == changedId) {
          assertEquals(JsonValue.NULL, now.get("assignee"), "the changed ticket is untouched");
          assertEquals("high", now.getString("priority"));
        } else {
          assertEquals(bea, now.getString("assignee"));
        }
      }

      // Save the current filter as a view: it opens, counted by the database.
      browser.driver.findElement(By.id("inbox:save-view")).click();
      browser
          .wait
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:view-name")))
          .sendKeys("Lote " + suffix);
      browser.driver.findElement(By.id("inbox:view-save")).click();
      By savedPill =
          By.xpath(
              "//span[contains(@class,'saved-view') and contains(@class,'active')]"
                  + "[.//span[@class='name' and normalize-space()='Lote "
                  + suffix
                  + "']]//span[@class='count']");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(savedPill, "3"));
      JsonObject saved =
          api.get("views").json().asJsonArray().stream()
              .map(JsonValue::asJsonObject)
              .filter(v -> v.getString("name").equals("Lote " + suffix))
              .findFirst()
              .orElseThrow();
      cleanup.add("views/" + saved.getJsonNumber("id").longValue());
      assertEquals(tag, saved.getString("tag"));
      assertEquals("open", saved.getString("status"));
      browser.wait.until(d -> rows(browser).size() == 3);

      // A new ticket with the tag: the count follows live and the view stays the open one.
      newTicket("Lote " + suffix + " 4", tag, suffix);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(savedPill, "4"));
      browser.wait.until(d -> rows(browser).size() == 4);
      browser.screenshot("inbox-saved-view-es");

      // Breaching: an urgent WhatsApp ticket under a one-minute policy warned at 1 %.
      Api.Response policy =
          api.post(
              "sla-policies",
              """
              {"name":"Urgente WhatsApp %s","priority":"urgent","channel":"whatsapp",
               "firstResponseMinutes":1,"resolutionMinutes":600,"warnAtPercent":1}"""
                  .formatted(suffix));
      assertEquals(201, policy.status(), policy::toString);
      cleanup.add(0, "sla-policies/" + policy.object().getJsonNumber("id").longValue());
      String urgent = "Urgente " + suffix;
      Api.Response whatsapp =
          api.post(
              "tickets",
              """
              {"channel":"whatsapp","subject":"%s","text":"¡Ayuda!",
               "customer":{"name":"Cliente %s","phone":"+3467%s"}}"""
                  .formatted(urgent, suffix, String.valueOf(System.nanoTime()).substring(0, 7)));
      assertEquals(201, whatsapp.status(), whatsapp::toString);
      long urgentId = whatsapp.object().getJsonNumber("id").longValue();
      assertEquals(
          200, api.patch("tickets/" + urgentId, "{\"priority\":\"urgent\"}", Map.of()).status());

      browser.driver.findElement(By.cssSelector("a.view-breaching")).click();
      browser.wait.until(
          ExpectedConditions.attributeContains(
              By.cssSelector("a.view-breaching"), "class", "active"));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(urgent)));
      WebElement badge =
          browser.driver.findElement(
              By.xpath(
                  "//tr[.//a[normalize-space()='"
                      + urgent
                      + "']]//span[contains(@class,'sla-badge')]"));
      assertTrue(
          badge.getAttribute("class").contains("sla-warning")
              || badge.getAttribute("class").contains("sla-overdue"),
          badge.getAttribute("class"));
      browser.screenshot("inbox-breaching-es");
    }
  }

  @Test
  @DisplayName(
      "each built-in view's count in the inbox (one aggregate query) is what the API's filter for"
          + " that view counts")
  void builtInViewCountsMatchTheirFilters() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    JsonObject mine = newTicket("Cuenta " + suffix, "cuenta-" + suffix, suffix);
    assertEquals(
        200,
        api.patch(
                "tickets/" + mine.getJsonNumber("id").longValue(),
                "{\"assignee\":\"" + Api.ADMIN + "\"}",
                Map.of())
            .status());
    newTicket("Sin asignar " + suffix, "cuenta-" + suffix, suffix);
    Map<String, String> filters =
        Map.of(
            "mine", "status=open&assignee=me",
            "unassigned", "status=open&assignee=none",
            "breaching", "status=open&sla=breaching",
            "open", "status=open",
            "resolved", "status=resolved",
            "all", "");
    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));
      for (var view : filters.entrySet()) {
        // Both read anew each time: the live refresh follows tickets other tests change.
        browser.wait.until(
            d -> {
              long counted =
                  api.get("tickets?size=1&" + view.getValue())
                      .object()
                      .getJsonNumber("total")
                      .longValue();
              String shown =
                  d.findElement(By.cssSelector("a.view-" + view.getKey() + " .count")).getText();
              return shown.strip().equals(String.valueOf(counted));
            });
      }
      assertTrue(
          Long.parseLong(
                  browser
                      .driver
                      .findElement(By.cssSelector("a.view-mine .count"))
                      .getText()
                      .strip())
              >= 1);
    }
  }

  private static List<WebElement> rows(Browser browser) {
    return browser.driver.findElements(
        By.xpath("//tbody[@id='inbox:tickets_data']/tr[.//a[contains(@class,'subject')]]"));
  }

  private static By rowOf(long number) {
    return By.xpath(
        "//tbody[@id='inbox:tickets_data']/tr[.//a[normalize-space()='#" + number + "']]");
  }

  /** Picks an option of a PrimeFaces select menu by its label. */
  private static void choose(Browser browser, String id, String label) {
    pick(browser, id, label, false);
  }

  /** The same, typing into the menu's filter first (the tag menu lists every tag). */
  private static void chooseFiltered(Browser browser, String id, String label) {
    pick(browser, id, label, true);
  }

  /**
   * A click on an option while the menu's panel is still opening can go unheard, as a person's
   * second click would: the menu is opened again until its label shows the choice.
   */
  private static void pick(Browser browser, String id, String label, boolean filter) {
    By option =
        By.xpath(
            "//div[@id='"
                + id
                + "_panel']//li[contains(@class,'ui-selectonemenu-item')"
                + " and normalize-space()='"
                + label
                + "']");
    for (int attempt = 1; ; attempt++) {
      if (!browser.driver.findElement(By.id(id + "_panel")).isDisplayed()) {
        browser.driver.findElement(By.id(id)).click();
      }
      if (filter) {
        WebElement box =
            browser.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id(id + "_filter")));
        box.clear();
        box.sendKeys(label);
      }
      browser.wait.until(ExpectedConditions.elementToBeClickable(option)).click();
      try {
        new WebDriverWait(browser.driver, Duration.ofSeconds(2))
            .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
        return;
      } catch (TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
