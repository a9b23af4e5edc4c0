package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ventanilla.it.HostileSupport.assertHealthy;
import static org.ventanilla.it.HostileSupport.ticketsOf;
import static org.ventanilla.it.HostileSupport.unique;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, "hostile input", through a real mailbox (GreenMail on loopback, polled by the deployed
 * EAR): a 25 MB mail, a bomb of 10,000 parts, header injection in what comes back out as a reply,
 * and attachment names that try to leave the data directory.
 */
@ExtendWith(ArquillianExtension.class)
class HostileMailIT {

  private static final int MB = 1024 * 1024;

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private long channelId;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "hostile-" + unique() + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Hostil","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    channelId = created.object().getJsonNumber("id").longValue();
  }

  @AfterEach
  void stopMailServer() {
    // The mailbox goes with the server: no later timer poll knocks on a closed port.
    admin.send("DELETE", "channels/" + channelId, null, Map.of());
    mail.close();
  }

  /** Polls now; a big poll may take longer than the API helper waits. */
  private JsonObject poll() {
    try {
      HttpResponse<String> response =
          HostileSupport.HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(Api.baseUrl() + "api/v1/channels/" + channelId + "/poll"))
                  .header("Authorization", HostileInputIT.basicAdmin())
                  .header("Accept", "application/json")
                  .timeout(Duration.ofMinutes(3))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response::body);
      return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the sender has a ticket (a timer poll may hold the mailbox's lock meanwhile). */
  private JsonObject ticketFrom(String sender) {
    return Eventually.await(
        "a ticket from " + sender,
        () -> {
          poll();
          return ticketsOf(sender).stream().findFirst();
        },
        Duration.ofSeconds(90));
  }

  private static byte[] crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String plain(String from, String to, String subject, String body) {
    return """
        Message-ID: <%s@client.example.org>
        From: %s
        To: %s
        Subject: %s
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8

        %s
        """
        .formatted(unique() + unique(), from, to, subject, body);
  }

  private static String encodedWord(String text) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  // ---- size ----

  @Test
  @DisplayName(
      "a 25 MB mail lands with its 11 MB attachment noted and its 7 MB one stored; the next mail still arrives")
  void twentyFiveMegabyteMail() throws IOException {
    String sender = "big-" + unique() + "@example.org";
    Random random = new Random(42);
    byte[] huge = new byte[11 * MB];
    byte[] medium = new byte[7 * MB];
    random.nextBytes(huge);
    random.nextBytes(medium);
    ByteArrayOutputStream raw = new ByteArrayOutputStream(26 * MB);
    raw.writeBytes(
        crlf(
            """
            Message-ID: <big-%s@client.example.org>
            From: Grande <%s>
            To: %s
            Subject: Fotos del pedido
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="BIG"

            --BIG
            Content-Type: text/plain; charset=UTF-8

            Os mando las fotos.
            """
                .formatted(unique(), sender, mailbox)));
    for (Map.Entry<String, byte[]> file :
        Map.of("grande.bin", huge, "mediano.bin", medium).entrySet()) {
      raw.writeBytes(
          crlf(
              """
              --BIG
              Content-Type: application/octet-stream
              Content-Disposition: attachment; filename="%s"
              Content-Transfer-Encoding: base64

              """
                  .formatted(file.getKey())));
      raw.writeBytes(Base64.getMimeEncoder().encode(file.getValue()));
      raw.writeBytes(crlf("\n"));
    }
    raw.writeBytes(crlf("--BIG--\n"));
    assertTrue(raw.size() > 24 * MB, "a mail of about 25 MB: " + raw.size());
    mail.deliver(mailbox, raw.toByteArray());
    raw = null;
    String next = "after-big-" + unique() + "@example.org";
    mail.deliver(mailbox, plain(next, mailbox, "Otra cosa", "Hola"));

    JsonObject ticket = ticketFrom(sender);
    JsonObject message = ticket.getJsonArray("messages").getJsonObject(0);
    assertEquals("Os mando las fotos.", message.getString("text"));
    Map<String, JsonObject> files = new LinkedHashMap<>();
    message
        .getJsonArray("attachments")
        .forEach(a -> files.put(a.asJsonObject().getString("filename"), a.asJsonObject()));
    assertEquals(2, files.size(), files::toString);
    JsonObject noted = files.get("grande.bin");
    assertEquals(huge.length, noted.getJsonNumber("size").longValue());
    assertTrue(noted.getString("note").contains("10 MB"), noted::toString);
    JsonObject stored = files.get("mediano.bin");
    assertTrue(stored.isNull("note"), stored::toString);
    HostileInputIT.assertSafeDownload(stored, medium);
    assertEquals(
        404,
        admin.get("attachments/" + noted.getInt("id")).status(),
        "a file we did not keep cannot be downloaded");

    assertFalse(ticketsOf(next).isEmpty(), "the mail after it arrived in the same poll");
    assertTrue(quarantine().isEmpty(), () -> "nothing quarantined: " + quarantine());
    assertHealthy();
  }

  @Test
  @DisplayName(
      "a mail bomb of 10,000 tiny parts lands cut to 500 with a note saying so; the next mail still arrives")
  void mailBomb() {
    String sender = "bomb-" + unique() + "@example.org";
    StringBuilder raw =
        new StringBuilder(
            """
            Message-ID: <bomb-%s@client.example.org>
            From: Bomba <%s>
            To: %s
            Subject: Muchas partes
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="BOMB"

            --BOMB
            Content-Type: text/plain; charset=UTF-8

            Mira esto.
            """
                .formatted(unique(), sender, mailbox));
    for (int i = 0; i < 10_000; i++) {
      raw.append("--BOMB\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"p")
          .append(i)
          .append(".txt\"\n\nx\n");
    }
    raw.append("--BOMB--\n");
    mail.deliver(mailbox, raw.toString());
    String next = "after-bomb-" + unique() + "@example.org";
    mail.deliver(mailbox, plain(next, mailbox, "Otra cosa", "Hola"));

    JsonObject ticket = ticketFrom(sender);
    JsonObject message = ticket.getJsonArray("messages").getJsonObject(0);
    assertTrue(message.getString("text").startsWith("Mira esto."), message.getString("text"));
    assertTrue(
        message.getString("text").contains("500"),
        () -> "a note says the mail was cut short: " + message.getString("text"));
    int attachments = message.getJsonArray("attachments").size();
    assertTrue(attachments > 0 && attachments < 500, "attachments: " + attachments);

    assertFalse(ticketsOf(next).isEmpty(), "the mail after it arrived");
    assertTrue(quarantine().isEmpty(), () -> "nothing quarantined: " + quarantine());
    assertHealthy();
  }

  private JsonArray quarantine() {
    return admin.get("channels/" + channelId + "/quarantine").json().asJsonArray();
  }

  // ---- header injection ----

  @Test
  @DisplayName(
      "CR/LF with Bcc: in a subject, a sender's name or an agent's name never becomes a header or a recipient of our reply")
  void headerInjectionInReplies() throws Exception {
    String customer = "eve-" + unique() + "@example.org";
    String subject = "Pedido\r\nBcc: evil-subject@example.com\r\nX-Injected: subject";
    String name = "Eve\r\nBcc: evil-name@example.com";
    mail.deliver(
        mailbox,
        plain(
            encodedWord(name) + " <" + customer + ">",
            mailbox,
            encodedWord(subject),
            "¿Y mi pedido?"));
    JsonObject ticket = ticketFrom(customer);
    assertFalse(ticket.getString("subject").matches("(?s).*[\\r\\n].*"), ticket::toString);
    JsonObject customerJson = ticket.getJsonObject("customer");
    assertFalse(customerJson.getString("name").matches("(?s).*[\\r\\n].*"), customerJson::toString);

    Api.Response reply =
        admin.post(
            "tickets/" + ticket.getInt("id") + "/replies",
            "{\"text\":\"Hola\\r\\nBcc: evil-body@example.com\"}");
    assertEquals(201, reply.status(), reply::toString);

    // An agent whose display name carries a header, if the API lets an admin set it at all.
    Api.Response agent =
        admin.post(
            "agents",
            """
            {"displayName":"Ana\\r\\nBcc: evil-agent@example.com","email":"ana-%s@example.com","role":"agent","password":"ana-pass-123"}"""
                .formatted(unique()));
    int expected = 1;
    if (agent.status() == 201) {
      Api asAgent = Api.as(agent.object().getString("username"), "ana-pass-123");
      Api.Response second =
          asAgent.post("tickets/" + ticket.getInt("id") + "/replies", "{\"text\":\"Soy Ana\"}");
      assertEquals(201, second.status(), second::toString);
      expected = 2;
    } else {
      HostileSupport.assertCleanError(agent, 400, 422);
    }

    MimeMessage[] received = mail.received(customer, expected, Duration.ofSeconds(30));
    assertEquals(expected, received.length, "the customer got our replies");
    for (MimeMessage message : received) {
      assertEquals(1, message.getAllRecipients().length, "only the customer is a recipient");
      assertEquals(
          customer,
          ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress());
      assertNull(message.getHeader("Bcc"), "no Bcc header");
      assertNull(message.getHeader("X-Injected"), "no injected header");
      for (Header header : Collections.list(message.getAllHeaders())) {
        assertFalse(
            header.getValue().matches("(?s).*\\r?\\n(?![ \\t]).*"),
            () -> "a header with an unfolded line break: " + header.getName());
      }
      assertFalse(message.getSubject().contains("\n"), message.getSubject());
      assertTrue(message.getSubject().startsWith("Re: Pedido"), message.getSubject());
    }
    List<String> everyRecipient = new ArrayList<>();
    for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
      for (Address address : message.getAllRecipients()) {
        everyRecipient.add(address.toString());
      }
    }
    assertTrue(
        everyRecipient.stream().noneMatch(a -> a.contains("evil")),
        () -> "nothing reached an injected address: " + everyRecipient);
    assertHealthy();
  }

  // ---- file names ----

  @Test
  @DisplayName(
      "mail attachments named ../../etc/passwd, C:\\win.ini, with NUL or bidi tricks are stored under the data dir with safe names")
  void attachmentNamesCannotTraverse() throws IOException {
    String sender = "files-" + unique() + "@example.org";
    Map<String, String> names = new LinkedHashMap<>();
    names.put("filename=\"../../../../etc/passwd\"", "passwd");
    names.put("filename=\"..\\\\..\\\\windows\\\\win.ini\"", "win.ini");
    names.put("filename=\"/etc/shadow\"", "shadow");
    names.put("filename*=UTF-8''evil%00name.txt", null);
    names.put("filename*=UTF-8''%E2%80%AEfdp.exe", null);
    names.put("filename=\"" + "b".repeat(1000) + ".txt\"", null);
    names.put("filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%9C%93.txt", "résumé ✓.txt");
    names.put("filename=\"" + encodedWord("../../cuenta ñ.txt") + "\"", "cuenta ñ.txt");
    StringBuilder raw =
        new StringBuilder(
            """
            Message-ID: <files-%s@client.example.org>
            From: Archivos <%s>
            To: %s
            Subject: Adjuntos
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="FILES"

            --FILES
            Content-Type: text/plain; charset=UTF-8

            Ahí van.
            """
                .formatted(unique(), sender, mailbox));
    Map<String, byte[]> contents = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, String> name : names.entrySet()) {
      String content = "file " + i++ + " " + unique();
      contents.put(content, content.getBytes(StandardCharsets.UTF_8));
      raw.append(
              "--FILES\nContent-Type: text/plain; charset=UTF-8\nContent-Disposition: attachment; ")
          .append(name.getKey())
          .append("\n\n")
          .append(content)
          .append("\n");
    }
    raw.append("--FILES--\n");
    mail.deliver(mailbox, raw.toString());

    JsonObject ticket = ticketFrom(sender);
    JsonArray attachments =
        ticket.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments");
    assertEquals(names.size(), attachments.size(), attachments::toString);
    List<String> expected = new ArrayList<>(names.values());
    List<byte[]> bytes = new ArrayList<>(contents.values());
    for (int n = 0; n < attachments.size(); n++) {
      JsonObject attachment = attachments.getJsonObject(n);
      HostileInputIT.assertSafeName(attachment.getString("filename"), expected.get(n));
      HostileInputIT.assertSafeDownload(attachment, bytes.get(n));
    }
    HostileInputIT.assertNoFileEscaped();
    HostileInputIT.assertTraversalRequestsAreNotFound();
    assertHealthy();
  }

  static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonValue::asJsonObject).toList();
  }
}
