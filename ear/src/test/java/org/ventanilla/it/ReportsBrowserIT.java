package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The reports page in a real browser, in Spanish: figures, charts, the channel filter, CSV. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class ReportsBrowserIT {

  private static final String PASSWORD = "Informes-2026!";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "an agent opens the reports: charts drawn, own row counted, the WhatsApp filter and its CSV")
  void reportsPage() throws Exception {
    Api admin = Api.asAdmin();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String agent = "rocio-" + suffix + "@example.com";
    Api.Response created =
        admin.post(
            "agents",
            """
            {"displayName":"Rocío %s","email":"%s","role":"agent","password":"%s"}"""
                .formatted(suffix, agent, PASSWORD));
    assertEquals(201, created.status(), created::toString);
    // Two open tickets for the agent today, one per channel; the WhatsApp one answered.
    long email = ticket(admin, "\"email\":\"reports-" + suffix + "@example.org\"", "email", agent);
    long whatsapp =
        ticket(
            admin,
            "\"phone\":\"+3467"
                + String.format("%07d", Math.floorMod(suffix.hashCode(), 10_000_000))
                + "\"",
            "whatsapp",
            agent);
    assertEquals(
        201, admin.post("tickets/" + whatsapp + "/replies", "{\"text\":\"Hola\"}").status());
    assertTrue(email != whatsapp);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(agent, PASSWORD);
      browser.inAgentMenu("nav-reports").click();
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-table")));

      // Both charts are drawn by Chart.js: 30 days (the default range) in two channels.
      assertEquals(30L, chart(browser.driver, "daily-chart", "data.labels.length"));
      assertEquals(2L, chart(browser.driver, "daily-chart", "data.datasets.length"));
      assertEquals(2L, chart(browser.driver, "open-chart", "data.datasets.length"));
      assertTrue(
          figure(browser.driver, "created") >= 2, "today's two tickets are in the last 30 days");
      assertTrue(figure(browser.driver, "open-total") >= 2);
      assertEquals("2", cell(browser.driver, agent, "col-open"));
      assertEquals("1", cell(browser.driver, agent, "col-answered"));
      browser.screenshot("reports");
      ((JavascriptExecutor) browser.driver)
          .executeScript("document.getElementById('open-chart').scrollIntoView()");
      browser.screenshot("reports-open-and-agents");

      browser
          .driver
          .findElement(
              By.xpath("//*[@id='filters:channel']//label" + "[normalize-space(.)='WhatsApp']"))
          .click();
      // The table is re-rendered by the filter's AJAX update: a row read during it goes stale.
      browser
          .wait
          .ignoring(StaleElementReferenceException.class)
          .until(d -> "1".equals(cell(d, agent, "col-open")));
      assertEquals(1L, chart(browser.driver, "daily-chart", "data.datasets.length"));
      assertEquals("WhatsApp", chart(browser.driver, "daily-chart", "data.datasets[0].label"));

      // The CSV link carries the filter, and answers with the same figures in this session.
      String href = browser.driver.findElement(By.id("agents-csv")).getAttribute("href");
      assertTrue(href.contains("channel=whatsapp"), href);
      @SuppressWarnings("unchecked")
      Map<String, Object> csv =
          (Map<String, Object>)
              ((JavascriptExecutor) browser.driver)
                  .executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + "fetch(arguments[0], {credentials: 'same-origin'})"
                          // ignoreBOM: keep the byte order mark that text() would drop
                          + ".then(r => r.arrayBuffer().then(b => done({status: r.status,"
                          + " type: r.headers.get('Content-Type'),"
                          + " disposition: r.headers.get('Content-Disposition'),"
                          + " body: new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)})))"
                          + ".catch(e => done({status: -1, body: String(e)}));",
                      href);
      assertEquals(200L, csv.get("status"), () -> String.valueOf(csv.get("body")));
      assertTrue(String.valueOf(csv.get("type")).startsWith("text/csv"));
      assertTrue(String.valueOf(csv.get("disposition")).contains("-whatsapp.csv"));
      String body = String.valueOf(csv.get("body"));
      assertTrue(body.startsWith("\uFEFF"), "a UTF-8 byte order mark for Excel");
      CSVRecord ours;
      try (CSVParser parser =
          CSVFormat.EXCEL
              .builder()
              .setDelimiter(';')
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(body.substring(1)))) {
        ours =
            parser.getRecords().stream()
                .filter(r -> r.get("Usuario").equals(agent))
                .findFirst()
                .orElseThrow();
      }
      assertEquals("Rocío " + suffix, ours.get("Agente"));
      assertEquals("1", ours.get("Abiertos asignados"));
      assertEquals("1", ours.get("Respondidos"));
    }
  }

  private static long ticket(Api admin, String contact, String channel, String assignee) {
    Api.Response posted =
        admin.post(
            "tickets",
            """
            {"channel":"%s","subject":"Informe","text":"Hola","customer":{"name":"Cliente informes",%s}}"""
                .formatted(channel, contact));
    assertEquals(201, posted.status(), posted::toString);
    long id = posted.object().getJsonNumber("id").longValue();
    Api.Response assigned =
        admin.patch("tickets/" + id, "{\"assignee\":\"" + assignee + "\"}", Map.of());
    assertEquals(200, assigned.status(), assigned::toString);
    return id;
  }

  /** A property of the Chart.js chart that p:chart drew, read in the page. */
  private static Object chart(WebDriver driver, String id, String property) {
    return ((JavascriptExecutor) driver)
        .executeScript(
            "return Chart.getChart(document.getElementById(arguments[0])"
                + ".querySelector('canvas'))."
                + property,
            id);
  }

  private static long figure(WebDriver driver, String id) {
    String text = driver.findElement(By.cssSelector("[id='" + id + "'] .figure-value")).getText();
    return Long.parseLong(text.replaceAll("[^0-9]", ""));
  }

  private static String cell(WebDriver driver, String username, String column) {
    return driver
        .findElement(
            By.xpath(
                "//*[@id='agent-table']//tr[.//span[normalize-space(.)='"
                    + username
                    + "']]/td[contains(@class,'"
                    + column
                    + "')]"))
        .getText()
        .strip();
  }
}
