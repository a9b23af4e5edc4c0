package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The header's search box, in a real browser. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class SearchBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "'/' focuses the search box; typing a word finds the ticket, highlighted, and opens it")
  void searchAndOpen() throws Exception {
    StringBuilder letters = new StringBuilder("zz");
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    String word = letters.toString();
    var created =
        Api.asAdmin()
            .post(
                "tickets",
                """
                {"channel":"email","subject":"Devolución %s","text":"Quiero devolverlo",
                 "customer":{"name":"Sergio Search","email":"%s@example.com"}}"""
                    .formatted(word, word));
    assertEquals(201, created.status(), created::toString);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

      browser.driver.findElement(By.tagName("body")).sendKeys("/");
      assertEquals("search-box", browser.driver.switchTo().activeElement().getAttribute("id"));
      browser.driver.switchTo().activeElement().sendKeys("devolucion " + word, Keys.ENTER);

      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-results")));
      assertTrue(
          browser.driver.getPageSource().contains("<mark>Devolución</mark>"),
          "the match is highlighted, accents and all");
      browser.driver.findElement(By.className("ticket-result")).click();

      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:subject"), word));
    }
  }
}
