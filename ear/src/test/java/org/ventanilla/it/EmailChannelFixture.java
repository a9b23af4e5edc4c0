package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * An email channel created through the API on a mailbox of some IMAP/SMTP server (GreenMail or
 * Dovecot and Postfix), and the ways the mail tests look at what it filed.
 */
final class EmailChannelFixture {

  private final Api admin;
  private final long channelId;

  private EmailChannelFixture(Api admin, long channelId) {
    this.admin = admin;
    this.channelId = channelId;
  }

  /** Creates the channel reading {@code mailbox} over IMAP and sending over SMTP, both in clear. */
  static EmailChannelFixture create(
      Api admin, String mailbox, String password, int imapPort, int smtpPort) {
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Soporte","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"%s","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, imapPort, mailbox, password, smtpPort));
    assertEquals(201, created.status(), created::toString);
    assertFalse(created.body().contains(password), "secrets are never returned");
    return new EmailChannelFixture(admin, created.object().getJsonNumber("id").longValue());
  }

  long id() {
    return channelId;
  }

  JsonObject poll() {
    Api.Response polled = admin.post("channels/" + channelId + "/poll", null);
    assertEquals(200, polled.status(), polled::toString);
    return polled.object();
  }

  JsonObject health() {
    return admin.get("channels/" + channelId).object().getJsonObject("health");
  }

  /** Polls until the customer's tickets satisfy the condition (a timer poll may hold the lock). */
  JsonArray ticketsOf(String email, Predicate<JsonArray> until) throws InterruptedException {
    return ticketsOf(email, until, Duration.ofSeconds(20));
  }

  JsonArray ticketsOf(String email, Predicate<JsonArray> until, Duration deadline)
      throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    JsonArray tickets = null;
    while (Instant.now().isBefore(end)) {
      poll();
      tickets = customerTickets(email);
      if (until.test(tickets)) {
        return tickets;
      }
      Thread.sleep(300);
    }
    return tickets;
  }

  /** The id of the customer's first ticket, polling until the mail is filed (fails if never). */
  long firstTicketOf(String email) throws InterruptedException {
    JsonArray tickets = ticketsOf(email, t -> !t.isEmpty());
    assertFalse(tickets.isEmpty(), "the customer's mail filed as a ticket: " + email);
    return tickets.getJsonObject(0).getJsonNumber("id").longValue();
  }

  JsonArray customerTickets(String email) {
    return admin.customerTickets(email);
  }

  JsonObject ticket(JsonArray tickets, int index) {
    return admin.get("tickets/" + tickets.getJsonObject(index).getInt("id")).object();
  }

  static String plainMail(
      String messageId, String from, String to, String subject, String body, String inReplyTo) {
    return "Message-ID: "
        + messageId
        + "\n"
        + "From: "
        + from
        + "\n"
        + "To: "
        + to
        + "\n"
        + "Subject: "
        + subject
        + "\n"
        + (inReplyTo == null
            ? ""
            : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
        + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n";
  }
}
