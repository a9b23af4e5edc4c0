package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The Breaching filter ({@code sla=breaching}) on the deployed EAR: open tickets whose running SLA
 * clock is past its warning time, in the ticket list and in a saved view.
 */
@ExtendWith(ArquillianExtension.class)
class BreachingViewIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private final List<String> cleanup = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() {
    // A policy would put other tests' tickets on the clock.
    for (String path : cleanup) {
      admin.send("DELETE", path, null, Map.of());
    }
  }

  private long whatsAppTicket(String subject, String tag, String priority) {
    String phone = "+3466" + String.valueOf(System.nanoTime()).substring(0, 7);
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"whatsapp","subject":"%s","text":"Hola",
             "customer":{"name":"Cliente plazo","phone":"%s"}}"""
                .formatted(subject, phone));
    assertEquals(201, created.status(), created::toString);
    long id = created.object().getJsonNumber("id").longValue();
    Api.Response patched =
        admin.patch(
            "tickets/" + id,
            "{\"priority\":\"%s\",\"tags\":[\"%s\"]}".formatted(priority, tag),
            Map.of());
    assertEquals(200, patched.status(), patched::toString);
    return id;
  }

  private List<Long> breaching(String tag) {
    Api.Response page = admin.get("tickets?sla=breaching&size=200&tag=" + tag);
    assertEquals(200, page.status(), page::toString);
    return page.object().getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  @DisplayName(
      "sla=breaching lists the open tickets with a running clock past its warning time;"
          + " a saved view keeps the filter and counts it live")
  void breachingTickets() throws InterruptedException {
    // Arrange: urgent WhatsApp tickets answer within a minute, with a warning at 1 % (0.6 s).
    Api.Response policy =
        admin.post(
            "sla-policies",
            """
            {"name":"Urgente WhatsApp","priority":"urgent","channel":"whatsapp",
             "firstResponseMinutes":1,"resolutionMinutes":600,"warnAtPercent":1}""");
    assertEquals(201, policy.status(), policy::toString);
    cleanup.add("sla-policies/" + policy.object().getJsonNumber("id").longValue());
    String tag = "plazo-" + UUID.randomUUID().toString().substring(0, 8);

    long waiting = whatsAppTicket("Sin respuesta", tag, "urgent");
    long answered = whatsAppTicket("Respondido", tag, "urgent");
    long resolved = whatsAppTicket("Resuelto", tag, "urgent");
    long noPolicy = whatsAppTicket("Sin política", tag, "low");
    assertEquals(
        201, admin.post("tickets/" + answered + "/replies", "{\"text\":\"Ya estamos\"}").status());
    assertEquals(
        200, admin.patch("tickets/" + resolved, "{\"status\":\"resolved\"}", Map.of()).status());

    // Act: the warning time of the one still waiting passes.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (breaching(tag).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }

    // Assert: only that one; the answered one runs only its six-minute resolution warning.
    assertEquals(List.of(waiting), breaching(tag));
    JsonObject sla = admin.get("tickets/" + waiting).object().getJsonObject("sla");
    assertFalse(sla.isNull("firstResponseDueAt"), sla::toString);
    assertTrue(
        admin.get("tickets/" + noPolicy).object().getJsonObject("sla").isNull("resolutionDueAt"));
    assertEquals(4, admin.get("tickets?tag=" + tag).object().getInt("total"));
    assertEquals(422, admin.get("tickets?sla=late").status());

    Api.Response view =
        admin.post(
            "views",
            "{\"name\":\"Urgentes %s\",\"status\":\"open\",\"tag\":\"%s\",\"sla\":\"breaching\"}"
                .formatted(tag, tag));
    assertEquals(201, view.status(), view::toString);
    long viewId = view.object().getJsonNumber("id").longValue();
    cleanup.add("views/" + viewId);
    assertEquals("breaching", view.object().getString("sla"));
    assertEquals(1, view.object().getInt("count"));
    JsonObject listed = admin.get("views/" + viewId + "/tickets").object();
    assertEquals(
        waiting, listed.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());

    // Answering stops the first-response clock: the ticket leaves the view.
    assertEquals(
        201, admin.post("tickets/" + waiting + "/replies", "{\"text\":\"Perdón\"}").status());
    assertEquals(0, admin.get("views/" + viewId).object().getInt("count"));
    assertEquals(List.of(), breaching(tag));
  }
}
