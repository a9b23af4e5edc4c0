package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Merging two tickets about one problem, splitting a message off: through the API and by mail. */
@ExtendWith(ArquillianExtension.class)
class MergeSplitIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private long channelId;
  private String customer;

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "merge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Fusiones","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    channelId = created.object().getJsonNumber("id").longValue();
    customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  private String send(String subject, String body, String inReplyTo) {
    String id = "<" + UUID.randomUUID() + "@client.example.org>";
    mail.deliver(
        mailbox,
        "Message-ID: "
            + id
            + "\nFrom: Cliente <"
            + customer
            + ">\nTo: "
            + mailbox
            + "\nSubject: "
            + subject
            + "\n"
            + (inReplyTo == null
                ? ""
                : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
            + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + body
            + "\n");
    return id;
  }

  /** The customer's tickets, oldest first, once there are {@code count} with {@code messages}. */
  private List<JsonObject> ticketsOnceThere(int count, int messages) {
    return Eventually.await(
        count + " tickets with " + messages + " messages in all",
        () -> {
          admin.post("channels/" + channelId + "/poll", null);
          JsonArray customers = admin.get("customers?q=" + customer).object().getJsonArray("items");
          if (customers.isEmpty()) {
            return Optional.empty();
          }
          JsonArray refs =
              admin
                  .get("customers/" + customers.getJsonObject(0).getInt("id"))
                  .object()
                  .getJsonArray("tickets");
          List<JsonObject> tickets =
              refs.stream()
                  .map(r -> admin.get("tickets/" + r.asJsonObject().getInt("id")).object())
                  .sorted((a, b) -> Integer.compare(a.getInt("number"), b.getInt("number")))
                  .toList();
          int total = tickets.stream().mapToInt(t -> t.getJsonArray("messages").size()).sum();
          return tickets.size() == count && total == messages
              ? Optional.of(tickets)
              : Optional.empty();
        },
        Duration.ofSeconds(30));
  }

  @Test
  @DisplayName(
      "merging moves messages, notes, tags and events to the kept ticket, closes the merged one"
          + " with a link, and a later customer mail for it lands on the kept one")
  void mergeMovesEverythingAndLaterMailLandsOnTheKeptTicket() {
    send("Pedido 77 no llegó", "No me llegó el pedido 77.", null);
    String secondId = send("Otra vez el pedido 77", "Sigo sin el pedido 77.", null);
    List<JsonObject> tickets = ticketsOnceThere(2, 2);
    long kept = tickets.get(0).getInt("id");
    long merged = tickets.get(1).getInt("id");
    assertEquals(
        201, admin.post("tickets/" + merged + "/notes", "{\"text\":\"duplicado\"}").status());
    assertEquals(
        200, admin.patch("tickets/" + merged, "{\"tags\":[\"pedidos\"]}", Map.of()).status());

    Api.Response stale =
        admin.send(
            "POST",
            "tickets/" + merged + "/merge",
            "{\"into\":" + kept + "}",
            Map.of("If-Match", "\"0\""));
    assertEquals(412, stale.status(), stale::toString);
    Api.Response self = admin.post("tickets/" + merged + "/merge", "{\"into\":" + merged + "}");
    assertEquals(422, self.status(), self::toString);

    Api.Response response = admin.post("tickets/" + merged + "/merge", "{\"into\":" + kept + "}");
    assertEquals(200, response.status(), response::toString);

    JsonObject keptTicket = admin.get("tickets/" + kept).object();
    assertEquals(3, keptTicket.getJsonArray("messages").size(), "two mails and the note");
    assertEquals(List.of("pedidos"), strings(keptTicket.getJsonArray("tags")));
    assertTrue(types(keptTicket).contains("merged_from"), keptTicket::toString);
    assertTrue(
        types(keptTicket).stream().filter("created"::equals).count() == 2,
        "the merged ticket's log moved with it");
    assertEquals(JsonValue.NULL, keptTicket.get("mergedInto"));
    JsonObject mergedTicket = admin.get("tickets/" + merged).object();
    assertEquals(kept, mergedTicket.getJsonNumber("mergedInto").longValue());
    assertEquals("resolved", mergedTicket.getString("status"));
    assertEquals(0, mergedTicket.getJsonArray("messages").size());
    assertEquals(List.of("untagged", "merged_into"), types(mergedTicket), "its tag went along");
    assertEquals(JsonValue.NULL, mergedTicket.get("csat"), "no survey for a merge");
    assertEquals(422, admin.post("tickets/" + merged + "/replies", "{\"text\":\"hola\"}").status());
    assertEquals(
        409, admin.patch("tickets/" + merged, "{\"status\":\"in_progress\"}", Map.of()).status());

    send("Re: Otra vez el pedido 77", "¿Alguna novedad?", secondId);
    List<JsonObject> after = ticketsOnceThere(2, 4);
    assertEquals(4, after.get(0).getJsonArray("messages").size(), "the mail joined the kept one");
    assertEquals(0, after.get(1).getJsonArray("messages").size());
  }

  @Test
  @DisplayName("splitting a message (and the later ones) makes a new linked ticket, 201")
  void splitMakesALinkedTicket() {
    send("Dos problemas", "Primero: la factura.", null);
    List<JsonObject> tickets = ticketsOnceThere(1, 1);
    long id = tickets.get(0).getInt("id");
    admin.post("tickets/" + id + "/notes", "{\"text\":\"nota uno\"}");
    admin.post("tickets/" + id + "/notes", "{\"text\":\"nota dos\"}");
    JsonArray messages = admin.get("tickets/" + id).object().getJsonArray("messages");
    long second = messages.getJsonObject(1).getJsonNumber("id").longValue();
    long first = messages.getJsonObject(0).getJsonNumber("id").longValue();

    Api.Response all =
        admin.post("tickets/" + id + "/split", "{\"messageId\":" + first + ",\"following\":true}");
    assertEquals(422, all.status(), "a ticket keeps at least one message: " + all);

    Api.Response split =
        admin.post("tickets/" + id + "/split", "{\"messageId\":" + second + ",\"following\":true}");
    assertEquals(201, split.status(), split::toString);
    JsonObject created = split.object();
    assertTrue(split.header("Location").endsWith("/api/v1/tickets/" + created.getInt("id")));
    assertEquals(id, created.getJsonNumber("splitFrom").longValue());
    assertEquals(
        List.of("nota uno", "nota dos"),
        created.getJsonArray("messages").stream()
            .map(m -> m.asJsonObject().getString("text"))
            .toList());
    JsonObject source = admin.get("tickets/" + id).object();
    assertEquals(1, source.getJsonArray("messages").size());
    assertTrue(types(source).contains("split_to"));
    assertTrue(types(created).contains("split_from"));

    Api.Response agentless =
        Api.anonymous().post("tickets/" + id + "/split", "{\"messageId\":" + first + "}");
    assertEquals(401, agentless.status());
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static List<String> types(JsonObject ticket) {
    return ticket.getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getString("type"))
        .toList();
  }
}
