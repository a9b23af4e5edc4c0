package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The phone flow of issue 22: on a 390x844 screen an agent finds a customer's WhatsApp message in
 * the inbox's cards, reads the conversation (shown before the properties, the composer below it)
 * and answers; the answer reaches the Cloud API stand-in, and no step scrolls sideways or breaks
 * axe-core.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class PhoneWhatsAppBrowserIT {

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "at 390x844 an agent opens a WhatsApp ticket from the inbox cards and answers it; the answer"
          + " goes out to the customer")
  void agentAnswersWhatsAppOnAPhone() throws Exception {
    String token = HostileSupport.unique();
    String password = "Agente-Movil-1";
    String agent = "phone-" + token;
    Api.Response created =
        Api.asAdmin()
            .post(
                "agents",
                """
                {"username":"%s","displayName":"Móvil %s","email":"%s@example.com",
                 "role":"agent","password":"%s"}"""
                    .formatted(agent, token, agent, password));
    assertEquals(201, created.status(), created::toString);
    CloudApiStandIn.WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    String waId = HostileSupport.newWaId();
    MetaWebhooks.deliver(
        number,
        HostileSupport.payload(
            number,
            waId,
            "Lucía",
            HostileSupport.textMessage(
                waId, HostileSupport.wamid(), "¿Tenéis la talla M? " + token)));
    long ticket =
        Eventually.await(
            "the WhatsApp ticket",
            () ->
                HostileSupport.ticketsOf("+" + waId).stream()
                    .map(t -> t.getJsonNumber("id").longValue())
                    .findFirst(),
            Duration.ofSeconds(20));
    Api.Response assigned =
        Api.asAdmin().patch("tickets/" + ticket, "{\"assignee\":\"" + agent + "\"}", Map.of());
    assertEquals(200, assigned.status(), assigned::toString);
    String answer = "Sí, nos quedan dos en M " + token;

    try (Browser browser = Browser.open("es")) {
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      browser.signIn(agent, password);
      WebElement card =
          browser.wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(token)));
      assertFalse(Accessibility.scrollsSideways(browser), "the inbox fits the phone");
      card.click();

      WebElement reply =
          browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:reply")));
      WebElement timeline = browser.driver.findElement(By.id("ticket:timeline"));
      assertTrue(timeline.getText().contains(token), timeline::getText);
      assertFalse(
          browser.driver.findElement(By.id("ticket-sidebar")).isDisplayed(),
          "the properties wait behind their button");
      assertTrue(
          reply.getLocation().getY() > timeline.getLocation().getY(),
          "the composer comes after the conversation");
      assertFalse(Accessibility.scrollsSideways(browser), "the ticket fits the phone");
      assertEquals(List.of(), Accessibility.serious(browser));

      reply.sendKeys(answer);
      browser.driver.findElement(By.id("ticket:send")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:timeline"), answer));
      browser.screenshot("phone-whatsapp-answered");
      assertFalse(Accessibility.scrollsSideways(browser), "the answered ticket fits the phone");
    }

    JsonObject sent =
        Eventually.await(
            "the answer at the Cloud API",
            () ->
                cloud.requests("/v21.0/" + number.phoneNumberId() + "/messages").stream()
                    .map(r -> Json.createReader(new StringReader(r.body())).readObject())
                    .filter(b -> "text".equals(b.getString("type", null)))
                    .findFirst(),
            Duration.ofSeconds(20));
    assertEquals(waId, sent.getString("to"));
    assertEquals(answer, sent.getJsonObject("text").getString("body"));
  }
}
