package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A mail reply with files, CC and BCC, as the customer's mail server receives it. */
@ExtendWith(ArquillianExtension.class)
class ReplyAttachmentsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private long channelId;

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "files-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Soporte","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    channelId = created.object().getJsonNumber("id").longValue();
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  private long ticketFromMail(String customer) throws InterruptedException {
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nSubject: Factura\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "¿Me enviáis la factura?\n");
    return Eventually.await(
        "the customer's mail filed as a ticket",
        () -> {
          admin.post("channels/" + channelId + "/poll", null);
          JsonArray customers = admin.get("customers?q=" + customer).object().getJsonArray("items");
          if (customers.isEmpty()) {
            return java.util.Optional.<Long>empty();
          }
          JsonArray tickets =
              admin
                  .get("customers/" + customers.getJsonObject(0).getJsonNumber("id"))
                  .object()
                  .getJsonArray("tickets");
          return tickets.isEmpty()
              ? java.util.Optional.<Long>empty()
              : java.util.Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
        },
        Duration.ofSeconds(20));
  }

  private String uploaded(String filename, byte[] content) throws Exception {
    HttpResponse<String> response =
        UploadApiIT.upload(
            Api.ADMIN, Api.adminPassword(), filename, "application/octet-stream", content);
    assertEquals(201, response.statusCode(), response::body);
    return new Api.Response(response).object().getString("id");
  }

  @Test
  @DisplayName(
      "a reply with two uploads, CC and BCC reaches the customer as one multipart/mixed mail")
  void replyWithFilesCcAndBcc() throws Exception {
    String customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    long ticketId = ticketFromMail(customer);
    String pdf = uploaded("factura.pdf", PDF);
    String png = uploaded("foto.png", UploadApiIT.PNG);

    Api.Response reply =
        admin.post(
            "tickets/" + ticketId + "/replies",
            """
            {"text":"Adjunto la factura.","cc":["Copia@Example.net"],"bcc":["oculto@example.net"],
             "uploads":["%s","%s"]}"""
                .formatted(pdf, png));

    assertEquals(201, reply.status(), reply::toString);
    JsonObject sent = reply.object();
    assertEquals("copia@example.net", sent.getJsonArray("cc").getString(0));
    assertEquals("oculto@example.net", sent.getJsonArray("bcc").getString(0));
    JsonArray attachments = sent.getJsonArray("attachments");
    assertEquals(2, attachments.size());
    assertEquals("factura.pdf", attachments.getJsonObject(0).getString("filename"));
    assertEquals("application/pdf", attachments.getJsonObject(0).getString("contentType"));
    assertEquals("image/png", attachments.getJsonObject(1).getString("contentType"));

    // GreenMail keeps one copy per recipient, all To the customer: the customer, CC and BCC.
    MimeMessage[] received = mail.received(customer, 3, Duration.ofSeconds(20));
    assertEquals(3, received.length, "one mail, copied to the CC and the BCC");
    MimeMessage answer = received[0];
    for (MimeMessage copy : received) {
      assertEquals(answer.getMessageID(), copy.getMessageID(), "the same mail");
    }
    assertTrue(answer.isMimeType("multipart/mixed"), answer.getContentType());
    assertEquals(
        "copia@example.net",
        answer.getRecipients(jakarta.mail.Message.RecipientType.CC)[0].toString());
    assertNull(answer.getHeader("Bcc"), "BCC never shows in the mail");
    Multipart parts = (Multipart) answer.getContent();
    assertEquals(3, parts.getCount());
    assertTrue(new SentMail(answer).text().contains("Adjunto la factura."));
    Part first = parts.getBodyPart(1);
    assertEquals("factura.pdf", first.getFileName());
    assertArrayEquals(PDF, first.getInputStream().readAllBytes());
    assertEquals("foto.png", parts.getBodyPart(2).getFileName());
    assertArrayEquals(UploadApiIT.PNG, parts.getBodyPart(2).getInputStream().readAllBytes());
  }

  @Test
  @DisplayName("an upload carried by one reply cannot be sent again; a cc must be an address")
  void uploadIsUsedOnce() throws Exception {
    String customer = "otra-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    long ticketId = ticketFromMail(customer);
    String pdf = uploaded("factura.pdf", PDF);
    String body = "{\"text\":\"Ahí va.\",\"uploads\":[\"" + pdf + "\"]}";

    Api.Response first = admin.post("tickets/" + ticketId + "/replies", body);
    Api.Response again = admin.post("tickets/" + ticketId + "/replies", body);
    Api.Response badCc =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"x\",\"cc\":[\"no es\"]}");

    assertEquals(201, first.status(), first::toString);
    assertEquals(404, again.status(), again::toString);
    assertEquals(422, badCc.status(), badCc::toString);
  }

  @Test
  @DisplayName(
      "a multipart/form-data reply with text, cc and two file parts is sent as one mail with both")
  void multipartReplyWithTwoFiles() throws Exception {
    String customer = "form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    long ticketId = ticketFromMail(customer);

    Api.Response reply =
        new FormPost()
            .field("text", "Adjunto la factura y la foto.")
            .field("cc", "copia@example.net")
            .file("factura.pdf", "application/pdf", PDF)
            .file("foto.png", "image/png", UploadApiIT.PNG)
            .post("tickets/" + ticketId + "/replies");

    assertEquals(201, reply.status(), reply::toString);
    JsonObject sent = reply.object();
    assertEquals("copia@example.net", sent.getJsonArray("cc").getString(0));
    JsonArray attachments = sent.getJsonArray("attachments");
    assertEquals(2, attachments.size(), reply::toString);
    assertEquals("factura.pdf", attachments.getJsonObject(0).getString("filename"));
    assertEquals("image/png", attachments.getJsonObject(1).getString("contentType"));
    MimeMessage[] received = mail.received(customer, 2, Duration.ofSeconds(20));
    Multipart parts = (Multipart) received[0].getContent();
    assertEquals(3, parts.getCount(), "the body (text and HTML) and both files");
    assertArrayEquals(PDF, parts.getBodyPart(1).getInputStream().readAllBytes());
    assertEquals("foto.png", parts.getBodyPart(2).getFileName());
  }

  @Test
  @DisplayName("a multipart/form-data note keeps its file; a refused multipart reply keeps none")
  void multipartNoteAndRefusedReply() throws Exception {
    String customer = "nota-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    long ticketId = ticketFromMail(customer);

    Api.Response note =
        new FormPost()
            .field("text", "El albarán, para el equipo.")
            .file("albaran.pdf", "application/octet-stream", PDF)
            .post("tickets/" + ticketId + "/notes");
    Api.Response refused =
        new FormPost()
            .field("text", "x")
            .field("cc", "no es una dirección")
            .file("factura.pdf", "application/pdf", PDF)
            .post("tickets/" + ticketId + "/replies");

    assertEquals(201, note.status(), note::toString);
    assertEquals("note", note.object().getString("kind"));
    JsonArray attachments = note.object().getJsonArray("attachments");
    assertEquals(1, attachments.size());
    assertEquals("application/pdf", attachments.getJsonObject(0).getString("contentType"));
    assertEquals(422, refused.status(), refused::toString);
    long files =
        admin.get("tickets/" + ticketId).object().getJsonArray("messages").stream()
            .mapToLong(m -> m.asJsonObject().getJsonArray("attachments").size())
            .sum();
    assertEquals(1, files, "only the note's file is with the ticket");
  }
}
