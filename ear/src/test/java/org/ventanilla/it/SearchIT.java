package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The search box over tickets and customers, against the deployed EAR (H2 or PostgreSQL). */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  /** A word nobody else uses, so each test finds only its own data. */
  private static String unique() {
    String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    return "zq" + letters.substring(0, Math.min(8, letters.length()));
  }

  private JsonObject emailTicket(String subject, String text, String name, String email) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"%s","customer":{"name":"%s","email":"%s"}}"""
                .formatted(subject, text, name, email));
    assertEquals(201, created.status(), created::toString);
    return created.object();
  }

  private JsonObject search(String q) {
    Api.Response found = admin.get("search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, found.status(), found::toString);
    return found.object();
  }

  private static List<Long> ids(JsonArray hits) {
    return hits.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
  }

  @Test
  @DisplayName("accents and case do not matter, and the match is highlighted")
  void accentInsensitive() {
    String word = unique();
    JsonObject ticket = emailTicket("Acción " + word, "Hola", "Marta Ruiz", word + "@example.com");

    JsonObject found = search("ACCION " + word);

    JsonArray tickets = found.getJsonArray("tickets");
    assertEquals(List.of(ticket.getJsonNumber("id").longValue()), ids(tickets));
    String highlight = tickets.getJsonObject(0).getString("highlight");
    assertTrue(highlight.contains("<mark>Acción</mark>"), highlight);
  }

  @Test
  @DisplayName("a customer is found by name without accents and by email")
  void customerByNameAndEmail() {
    String word = unique();
    JsonObject ticket =
        emailTicket("Consulta", "Hola", "Begoña Núñez " + word, word + "@correo.example");
    long customerId = ticket.getJsonObject("customer").getJsonNumber("id").longValue();

    assertEquals(
        List.of(customerId), ids(search("begona nunez " + word).getJsonArray("customers")));
    JsonObject byEmail = search(word + "@correo.example");
    assertEquals(List.of(customerId), ids(byEmail.getJsonArray("customers")));
    assertTrue(
        byEmail
            .getJsonArray("customers")
            .getJsonObject(0)
            .getString("highlight")
            .contains("<mark>"));
  }

  @Test
  @DisplayName("a phone number is found however it is written")
  void phoneFormats() {
    String local = "6" + String.valueOf(System.nanoTime()).substring(5, 13);
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"whatsapp","text":"Hola","customer":{"name":"Pablo Phone","phone":"+34%s"}}"""
                .formatted(local));
    assertEquals(201, created.status(), created::toString);
    long customerId = created.object().getJsonObject("customer").getJsonNumber("id").longValue();
    String spaced = local.substring(0, 3) + " " + local.substring(3, 6) + " " + local.substring(6);

    for (String q : List.of(local, spaced, "+34 " + spaced, "(+34) " + local)) {
      assertEquals(List.of(customerId), ids(search(q).getJsonArray("customers")), q);
      assertEquals(1, search(q).getJsonArray("tickets").size(), q);
    }
  }

  @Test
  @DisplayName("a ticket is found by its number, with or without #")
  void ticketNumber() {
    JsonObject ticket = emailTicket("Número", "Hola", "Num Ber", unique() + "@example.com");
    long number = ticket.getJsonNumber("number").longValue();

    for (String q : List.of(String.valueOf(number), "#" + number)) {
      JsonObject first = search(q).getJsonArray("tickets").getJsonObject(0);
      assertEquals(number, first.getJsonNumber("number").longValue(), q);
      assertTrue(first.getString("highlight").startsWith("<mark>#" + number + "</mark>"));
    }
  }

  @Test
  @DisplayName("a word deep in an older message finds the ticket, with an excerpt")
  void wordInOldMessage() {
    String word = unique();
    String padding = "bla ".repeat(150);
    JsonObject ticket =
        emailTicket(
            "Pedido",
            padding + "el repartidor " + word + " <no llegó> nunca " + padding,
            "Old Message",
            unique() + "@example.com");
    long id = ticket.getJsonNumber("id").longValue();
    assertEquals(201, admin.post("tickets/" + id + "/notes", "{\"text\":\"Lo miro\"}").status());

    JsonArray tickets = search(word).getJsonArray("tickets");

    assertEquals(List.of(id), ids(tickets));
    String highlight = tickets.getJsonObject(0).getString("highlight");
    assertTrue(highlight.contains("<mark>" + word + "</mark> &lt;no llegó&gt;"), highlight);
  }

  @Test
  @DisplayName("a word only in a note written later finds the ticket")
  void wordInLaterNote() {
    String word = unique();
    JsonObject ticket =
        emailTicket(
            "Factura", "Hola, necesito la factura", "Later Note", unique() + "@example.com");
    long id = ticket.getJsonNumber("id").longValue();
    assertEquals(0, search(word).getJsonArray("tickets").size());

    assertEquals(
        201, admin.post("tickets/" + id + "/notes", "{\"text\":\"Ver " + word + "\"}").status());

    assertEquals(List.of(id), ids(search(word).getJsonArray("tickets")));
  }

  @Test
  @DisplayName(
      "a word in over a thousand tickets answers the newest thousand ranked, subject matches first,"
          + " with the total shown as capped on PostgreSQL (exact on H2)")
  void wordInThousandsOfTickets() throws Exception {
    String word = unique();
    int count = 1010;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonObject>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        created.add(
            pool.submit(
                () ->
                    emailTicket(
                        "Consulta " + n,
                        "Hola, sobre " + word + " numero " + n,
                        "Common Word",
                        "common" + n + "-" + word + "@example.com")));
      }
      for (Future<JsonObject> f : created) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    JsonObject inSubject =
        emailTicket("Sobre " + word, "Hola", "Common Word", unique() + "@example.com");
    for (int i = 0; i < 30; i++) {
      emailTicket("Otra " + i, "Hola " + word, "Common Word", unique() + "@example.com");
    }

    Api.Response found = admin.get("search?size=25&q=" + word);

    assertEquals(200, found.status(), found::toString);
    JsonObject results = found.object();
    JsonArray tickets = results.getJsonArray("tickets");
    assertEquals(25, tickets.size());
    assertEquals(
        inSubject.getJsonNumber("id").longValue(),
        tickets.getJsonObject(0).getJsonNumber("id").longValue(),
        "the subject match ranks first");
    if (System.getenv("VENTANILLA_DB_URL") != null) {
      assertEquals(1000, results.getJsonNumber("ticketsTotal").longValue());
      assertTrue(results.getBoolean("ticketsTotalCapped"), results::toString);
    } else {
      assertEquals(count + 31, results.getJsonNumber("ticketsTotal").longValue());
      assertTrue(!results.getBoolean("ticketsTotalCapped"), results::toString);
    }
  }

  @Test
  @DisplayName("nothing found is two empty groups; an empty query too")
  void noMatch() {
    JsonObject found = search(unique() + unique());
    assertEquals(0, found.getJsonArray("tickets").size());
    assertEquals(0, found.getJsonArray("customers").size());
    assertEquals(0, search("  ").getJsonArray("tickets").size());
  }
}
