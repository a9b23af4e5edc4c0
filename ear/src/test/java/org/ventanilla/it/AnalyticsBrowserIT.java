package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The analytics page as an agent opens it from the header. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class AnalyticsBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "the analytics page draws its charts and the heatmap, and each table downloads as CSV")
  void analyticsPage() throws Exception {
    Api admin = Api.asAdmin();
    String agent = "agent+" + UUID.randomUUID() + "@example.com";
    assertEquals(
        201,
        admin
            .post(
                "agents",
                """
                {"displayName":"Inés","email":"%s","role":"agent","password":"ines-secret-1"}"""
                    .formatted(agent))
            .status());
    assertEquals(
        201,
        admin
            .post(
                "tickets",
                """
                {"channel":"email","subject":"Analítica","text":"Hola","customer":{"name":"Ana","email":"%s"}}"""
                    .formatted("ana-" + UUID.randomUUID() + "@example.org"))
            .status());

    // The API's CSV is the same file: every table under its title, here in English.
    Api.Response api =
        admin.send("GET", "reports/analytics.csv?lang=en", null, Map.of("Accept", "text/csv"));
    assertEquals(200, api.status(), api::toString);
    assertTrue(api.body().contains("\r\nMonthly retention\r\nMonth,Customers,"), api.body());

    try (Browser browser = Browser.open("es")) {
      browser.signIn(agent, "ines-secret-1");
      browser.inAgentMenu("nav-analytics").click();
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("heatmap")));
      WebDriver driver = browser.driver;

      assertEquals(30L, chart(driver, "backlog-chart"), "one point per day of the default 30 days");
      assertEquals(30L, chart(driver, "sla-chart"));
      assertTrue(chart(driver, "channels-chart") >= 1L, "today's mail ticket has a channel");
      assertEquals(8, driver.findElements(By.cssSelector("#heatmap tr")).size());
      assertEquals(7 * 24, driver.findElements(By.cssSelector("#heatmap tbody td")).size());
      long heat =
          driver.findElements(By.cssSelector("#heatmap tbody td")).stream()
              .map(WebElement::getText)
              .mapToLong(Long::parseLong)
              .sum();
      assertTrue(heat >= 1, "today's ticket is in the heatmap");
      assertTrue(
          driver.findElements(By.cssSelector("#heatmap td.heat-4")).size() >= 1,
          "the busiest hour has the darkest shade");
      assertTrue(
          driver.findElement(By.id("channels-table")).getText().contains("Correo"),
          "channels by their Spanish names");
      browser.screenshot("analytics-page");
      ((JavascriptExecutor) driver)
          .executeScript("document.getElementById('heatmap').scrollIntoView()");
      browser.screenshot("analytics-heatmap");

      // One table: the heatmap, seven days of 24 hours in the signed-in session, Spanish CSV.
      Map<String, Object> heatmap = fetch(driver, href(driver, "heatmap-csv"));
      assertEquals(200L, heatmap.get("status"), () -> String.valueOf(heatmap.get("body")));
      assertTrue(String.valueOf(heatmap.get("type")).startsWith("text/csv"));
      String[] lines = String.valueOf(heatmap.get("body")).split("\r\n");
      assertEquals(8, lines.length);
      assertTrue(lines[0].startsWith("\uFEFFDía de la semana"), lines[0]);
      assertTrue(lines[1].startsWith("lun;"), lines[1]);
      assertEquals(25, lines[1].split(";").length);

      // Every table in one file.
      String all = href(driver, "analytics-csv");
      assertTrue(all.contains("/reports/analytics.csv?from="), all);
      Map<String, Object> whole = fetch(driver, all);
      assertEquals(200L, whole.get("status"));
      String body = String.valueOf(whole.get("body"));
      for (String title :
          new String[] {"Por canal", "Retención mensual", "Cumplimiento del SLA por día"}) {
        assertTrue(body.contains(title), title);
      }
    }
  }

  private static String href(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getAttribute("href");
  }

  /** How many labels the Chart.js chart that p:chart drew has. */
  private static long chart(WebDriver driver, String id) {
    return (Long)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Chart.getChart(document.getElementById(arguments[0])"
                    + ".querySelector('canvas')).data.labels.length",
                id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fetch(WebDriver driver, String url) {
    return (Map<String, Object>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.arrayBuffer().then(b => done({status: r.status,"
                    + " type: r.headers.get('Content-Type'),"
                    + " body: new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)})))"
                    + ".catch(e => done({status: -1, body: String(e)}));",
                url);
  }
}
