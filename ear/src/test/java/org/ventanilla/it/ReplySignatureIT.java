package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Markdown reply as the customer's mailbox receives it: a text and an HTML part, each with the
 * agent's and the mailbox's signatures (placeholders filled) and the quote of the customer's mail,
 * and the Cc the agent added.
 */
@ExtendWith(ArquillianExtension.class)
class ReplySignatureIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private EmailChannelFixture channel;
  private JsonObject profileBefore;

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "firma-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    channel =
        EmailChannelFixture.create(
            admin, mailbox, "mailbox-secret", mail.imapPort(), mail.smtpPort());
    profileBefore = admin.get("agents/me/profile").object();
  }

  /** The admin's profile as it was: other tests read the admin's replies too. */
  @AfterEach
  void restore() {
    try {
      Api.Response back =
          admin.send("PUT", "agents/me/profile", profileBefore.toString(), Map.of());
      assertEquals(200, back.status(), back::toString);
    } finally {
      mail.close();
    }
  }

  private void profile(String displayName, String signature) {
    JsonObject changed =
        Json.createObjectBuilder(profileBefore)
            .add("displayName", displayName)
            .add("signature", signature)
            .add("locale", "en")
            .add("timeZone", "UTC")
            .build();
    Api.Response saved = admin.send("PUT", "agents/me/profile", changed.toString(), Map.of());
    assertEquals(200, saved.status(), saved::toString);
    assertEquals(signature, saved.object().getString("signature"));
  }

  private Api.Response signMailbox(String signature) throws InterruptedException {
    return patchChannel(Json.createObjectBuilder().add("signature", signature).build().toString());
  }

  /**
   * A mailbox's first poll (run as it is created) writes its health, so a change at that moment may
   * get 409; a client reloads and retries, as the answer says.
   */
  private Api.Response patchChannel(String json) throws InterruptedException {
    return Eventually.await(
        "a change of the mailbox not refused as concurrent",
        () -> {
          Api.Response r = admin.patch("channels/" + channel.id(), json, Map.of());
          return r.status() == 409 ? java.util.Optional.empty() : java.util.Optional.of(r);
        },
        Duration.ofSeconds(20));
  }

  @Test
  @DisplayName("the mailbox signature is set, shown, limited and removed through the channel's API")
  void mailboxSignatureThroughTheApi() throws Exception {
    Api.Response signed = signMailbox("  Equipo {mailbox.name}  ");
    assertEquals(200, signed.status(), signed::toString);
    assertEquals("Equipo {mailbox.name}", signed.object().getString("signature"));
    assertEquals(
        "Equipo {mailbox.name}",
        admin.get("channels/" + channel.id()).object().getString("signature"));

    Api.Response tooLong = signMailbox("x".repeat(4001));
    assertEquals(422, tooLong.status(), tooLong::toString);
    assertEquals("signature_too_long", tooLong.object().getString("error"), tooLong::toString);
    assertEquals(
        "Equipo {mailbox.name}",
        admin.get("channels/" + channel.id()).object().getString("signature"),
        "a refused signature changes nothing");

    Api.Response other = patchChannel("{\"pollSeconds\":600}");
    assertEquals(200, other.status(), other::toString);
    assertEquals("Equipo {mailbox.name}", other.object().getString("signature"), "absent keeps it");

    Api.Response removed = signMailbox(" ");
    assertEquals(200, removed.status(), removed::toString);
    assertTrue(removed.object().isNull("signature"), removed::toString);
  }

  @Test
  @DisplayName(
      "a Markdown reply with a CC reaches the customer as text and HTML, both signed and quoting")
  void signedQuotingReply() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = "lucia-" + tag + "@example.org";
    String copy = "almacen-" + tag + "@example.net";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + tag
            + "@client.example.org>\nFrom: =?UTF-8?Q?Luc=C3=ADa_P=C3=A9rez?= <"
            + customer
            + ">\nTo: "
            + mailbox
            + "\nDate: Mon, 7 Dec 2026 09:15:00 +0000"
            + "\nSubject: Pedido 1234\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Mi pedido 1234 no ha llegado.\n");
    long ticketId = channel.firstTicketOf(customer);
    int number = admin.get("tickets/" + ticketId).object().getInt("number");

    profile("Ana Ruiz", "{agent.firstName}, de {mailbox.name}");
    Api.Response signed =
        signMailbox(
            "{mailbox.name} · {mailbox.address}\nTicket {ticket.number}: {ticket.subject}"
                + " ({customer.name}) {no.such}");
    assertEquals(200, signed.status(), signed::toString);

    Api.Response reply =
        admin.post(
            "tickets/" + ticketId + "/replies",
            Json.createObjectBuilder()
                .add("text", "Hola, **ya está en camino**.\n\n- caja 1\n- caja 2")
                .add("cc", Json.createArrayBuilder().add(copy))
                .build()
                .toString());
    assertEquals(201, reply.status(), reply::toString);

    MimeMessage sent = mail.received(customer, 1, Duration.ofSeconds(20))[0];
    List<String> cc =
        Arrays.stream(sent.getRecipients(Message.RecipientType.CC))
            .map(a -> ((InternetAddress) a).getAddress())
            .toList();
    assertEquals(List.of(copy), cc, "the Cc the agent added");
    SentMail read = new SentMail(sent);
    // SMTP carries CRLF line ends.
    String text = read.text().replace("\r\n", "\n");
    String html = read.html();
    assertTrue(html != null, "an HTML part next to the text");
    assertTrue(read.files().isEmpty(), "no files");

    String mailboxSignature =
        "Soporte · " + mailbox + "\nTicket #" + number + ": Pedido 1234 (Lucía Pérez) {no.such}";
    assertTrue(text.contains("*ya está en camino*"), text);
    assertTrue(text.contains("- caja 1\n- caja 2"), text);
    assertTrue(
        text.contains("\n-- \nAna, de Soporte\n\n" + mailboxSignature + "\n"),
        "text: the agent's signature above the mailbox's, filled:\n" + text);
    assertTrue(text.contains(", Lucía Pérez <" + customer + "> wrote:\n"), text);
    assertTrue(text.contains("> Mi pedido 1234 no ha llegado."), text);
    assertTrue(
        text.indexOf("Ana, de Soporte") < text.indexOf("> Mi pedido"),
        "the signature comes before the quote:\n" + text);

    assertTrue(html.contains("<strong>ya está en camino</strong>"), html);
    assertTrue(html.contains("<li>caja 1</li>"), html);
    assertTrue(html.contains("Ana, de Soporte"), html);
    assertTrue(html.contains("Ticket #" + number + ": Pedido 1234 (Lucía Pérez)"), html);
    assertTrue(html.contains("<blockquote"), html);
    assertTrue(html.contains("Mi pedido 1234 no ha llegado."), html);
    assertFalse(html.contains("{mailbox.name}"), html);
  }
}
