package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UnsupportedEncodingException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ventanilla.agent.Agent;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.OutboundSender;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.SendResult;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.ContactType;
import org.ventanilla.ticket.AttachmentStore;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.MessageKind;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;

/**
 * Sends an agent's reply from the ticket's mailbox so that it threads in the customer's client:
 * From the mailbox with the agent's name, "Re: subject [#1042]", In-Reply-To the customer's last
 * mail, References the whole conversation, and a Message-ID of ours that later answers find.
 */
@ApplicationScoped
public class EmailSender implements OutboundSender<OutgoingMail> {

  private static final Pattern REPLY_PREFIX =
      Pattern.compile(
          "^((re|aw|sv|fw|fwd|rv|res)\\s*(\\[\\d+])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])\\d\\d\\b");

  @Inject TicketRepository tickets;
  @Inject SecretBox secrets;
  @Inject OAuthTokens tokens;
  @Inject AttachmentStore store;
  @PersistenceContext EntityManager em;

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public OutgoingMail prepare(Message message, Channel channel) {
    EmailChannel mailbox = (EmailChannel) channel;
    Ticket ticket = message.getTicket();
    Message lastInbound = tickets.lastInbound(ticket).orElse(null);
    String to =
        lastInbound != null && lastInbound.getSenderAddress() != null
            ? lastInbound.getSenderAddress()
            : ticket.getCustomer().contactValues(ContactType.EMAIL).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The customer has no email address"));
    List<String> references = tickets.externalIdsOf(ticket, 20);
    if (message.getKind() == MessageKind.FORWARD) {
      // To the forward's own recipients, a conversation of its own: their answer threads by its
      // Message-ID, and nothing of the customer's thread goes along.
      to = String.join(", ", message.getTo());
      lastInbound = null;
      references = List.of();
    }
    // A survey's mail carries its link; the ticket's message only says it was sent.
    SurveyMail survey = em.find(SurveyMail.class, message.getId());
    MailBody body =
        survey != null ? new MailBody(survey.getText(), null) : body(message, mailbox, lastInbound);
    return new OutgoingMail(
        mailbox.getSmtpHost(),
        mailbox.getSmtpPort(),
        mailbox.getSmtpSecurity(),
        mailbox.getSmtpUsername(),
        secrets.decrypt(mailbox.getSmtpPasswordSealed()),
        mailbox.getAddress(),
        message.getAuthorName(),
        to,
        message.getKind() == MessageKind.FORWARD
            ? forwardSubject(ticket.getSubject(), ticket.getNumber())
            : replySubject(ticket.getSubject(), ticket.getNumber()),
        messageId(message, mailbox.getAddress()),
        lastInbound == null ? null : lastInbound.getExternalId(),
        references,
        body.text(),
        body.html(),
        false,
        message.getCc(),
        message.getBcc(),
        message.getAttachments().stream()
            .filter(a -> a.getStoragePath() != null)
            .map(
                a ->
                    new OutgoingMail.File(
                        a.getFilename(), a.getContentType(), store.resolve(a.getStoragePath())))
            .toList(),
        oauthChannel(mailbox));
  }

  /**
   * An agent's reply in Markdown goes as text and HTML with the signatures and the quote of the
   * mail it answers; anything else (a forward, a survey, an automatic reply) as its text.
   */
  static MailBody body(Message message, EmailChannel mailbox, Message answered) {
    if (!message.isWrittenInMarkdown()) {
      return new MailBody(message.getText(), null);
    }
    Agent agent = message.getAgent();
    Ticket ticket = message.getTicket();
    String signature =
        MailSignature.of(
            agent == null ? null : agent.getSignature(),
            mailbox.getSignature(),
            new MailSignature.Values(
                message.getAuthorName(),
                agent == null ? null : agent.getEmail(),
                mailbox.getName(),
                mailbox.getAddress(),
                ticket.getNumber(),
                ticket.getSubject(),
                ticket.getCustomer().getName()));
    MailBody.Quote quote =
        answered == null
            ? null
            : new MailBody.Quote(
                answered.getCreatedAt(),
                author(answered),
                answered.getText(),
                answered.getHtml(),
                // No customer's language is known: the quote's line is in the agent's.
                agent == null ? Locale.forLanguageTag("es") : agent.language(),
                agent == null ? ZoneOffset.UTC : agent.zone());
    return MailBody.of(message.getText(), message.getHtml(), signature, quote);
  }

  /** "Ana Pérez <ana@example.com>", as mail clients name whom they quote. */
  private static String author(Message answered) {
    String name = answered.getAuthorName();
    String address = answered.getSenderAddress();
    if (name == null || name.isBlank() || name.equalsIgnoreCase(address)) {
      return address == null ? "" : address;
    }
    return address == null ? name : name + " <" + address + ">";
  }

  /**
   * A notice from the app to someone on the team (an SLA alert), sent from a mailbox of ours. It is
   * marked {@code Auto-Submitted: auto-generated} so that no auto-responder answers it.
   */
  public OutgoingMail notice(
      EmailChannel mailbox, String to, String subject, String text, String uniquePart) {
    String domain =
        mailbox
            .getAddress()
            .substring(mailbox.getAddress().indexOf('@') + 1)
            .toLowerCase(Locale.ROOT);
    return new OutgoingMail(
        mailbox.getSmtpHost(),
        mailbox.getSmtpPort(),
        mailbox.getSmtpSecurity(),
        mailbox.getSmtpUsername(),
        secrets.decrypt(mailbox.getSmtpPasswordSealed()),
        mailbox.getAddress(),
        "Ventanilla",
        to,
        subject.replaceAll("[\\r\\n]", " "),
        "<ventanilla.notice." + uniquePart + "@" + domain + ">",
        null,
        List.of(),
        text,
        true,
        oauthChannel(mailbox));
  }

  private static Long oauthChannel(EmailChannel mailbox) {
    return mailbox.getSmtpAuth() == MailAuth.OAUTH2 ? mailbox.getId() : null;
  }

  /** "Fwd: <subject> [#1042]", without piling up prefixes or tags. */
  static String forwardSubject(String subject, long number) {
    return "Fwd: " + replySubject(subject, number).substring("Re: ".length());
  }

  /** "Re: <subject> [#1042]", without piling up prefixes or tags. */
  static String replySubject(String subject, long number) {
    String tag = "[#" + number + "]";
    String base = subject == null ? "" : REPLY_PREFIX.matcher(subject.strip()).replaceFirst("");
    base = base.replace(tag, "").replaceAll("\\s{2,}", " ").strip();
    return ("Re: " + base + " " + tag).replaceAll("[\\r\\n]", " ").replaceAll("\\s{2,}", " ");
  }

  /** Stable across retries of the same reply, so a resend after a crash is the same mail. */
  static String messageId(Message message, String mailboxAddress) {
    String domain =
        mailboxAddress.substring(mailboxAddress.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return "<ventanilla."
        + message.getTicket().getNumber()
        + "."
        + message.getId()
        + "."
        + Long.toString(message.getCreatedAt().toEpochMilli(), 36)
        + "@"
        + domain
        + ">";
  }

  @Override
  public SendResult send(OutgoingMail mail) {
    boolean oauth = mail.oauthChannelId() != null;
    boolean authenticate = oauth || (mail.username() != null && !mail.username().isBlank());
    Session session =
        MailSessions.smtp(
            mail.security(), authenticate, oauth ? MailAuth.OAUTH2 : MailAuth.PASSWORD);
    try {
      MimeMessage mime = compose(session, mail);
      try (Transport transport = session.getTransport(MailSessions.smtpProtocol(mail.security()))) {
        if (oauth) {
          tokens.connect(
              transport,
              mail.oauthChannelId(),
              mail.smtpHost(),
              mail.smtpPort(),
              mail.username() == null ? mail.fromAddress() : mail.username());
        } else {
          transport.connect(
              mail.smtpHost(),
              mail.smtpPort(),
              authenticate ? mail.username() : null,
              mail.password());
        }
        transport.sendMessage(mime, mime.getAllRecipients());
      }
      return new SendResult.Sent(mail.messageId());
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        return new SendResult.Refused("Recipient refused: " + MailboxPoller.rootMessage(e));
      }
      return classify(e);
    } catch (MessagingException e) {
      return classify(e);
    } catch (UnsupportedEncodingException e) {
      return new SendResult.Refused("Cannot encode the sender: " + e.getMessage());
    }
  }

  /**
   * The mail as it leaves. Every header value is one line whatever reached it (a CR or LF would let
   * a value add headers of its own): the parser rejects them upstream, and this does not rely on
   * it.
   */
  static MimeMessage compose(Session session, OutgoingMail mail)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage mime = new FixedIdMessage(session, oneLine(mail.messageId()));
    mime.setFrom(new InternetAddress(mail.fromAddress(), oneLine(mail.fromName()), "UTF-8"));
    // One address, or a forward's several separated by commas.
    mime.setRecipients(
        jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(oneLine(mail.to()), true));
    mime.setSubject(oneLine(mail.subject()), "UTF-8");
    mime.setSentDate(new Date());
    if (mail.inReplyTo() != null) {
      mime.setHeader("In-Reply-To", oneLine(mail.inReplyTo()));
    }
    if (mail.automatic()) {
      mime.setHeader("Auto-Submitted", "auto-generated");
    }
    if (!mail.references().isEmpty()) {
      mime.setHeader("References", oneLine(String.join(" ", mail.references())));
    }
    for (String cc : mail.cc()) {
      mime.addRecipient(
          jakarta.mail.Message.RecipientType.CC, new InternetAddress(oneLine(cc), true));
    }
    for (String bcc : mail.bcc()) {
      mime.addRecipient(
          jakarta.mail.Message.RecipientType.BCC, new InternetAddress(oneLine(bcc), true));
    }
    if (mail.files().isEmpty()) {
      if (mail.html() == null) {
        mime.setText(mail.text(), "UTF-8");
      } else {
        mime.setContent(alternative(mail));
      }
    } else {
      // multipart/mixed: the body (text, or text and HTML as alternatives), then each file; a
      // name that is not ASCII goes out RFC 2231 encoded (filename*=utf-8''...), Jakarta Mail's
      // default (mail.mime.encodeparameters).
      jakarta.mail.internet.MimeMultipart mixed = new jakarta.mail.internet.MimeMultipart("mixed");
      jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
      if (mail.html() == null) {
        body.setText(mail.text(), "UTF-8");
      } else {
        body.setContent(alternative(mail));
      }
      mixed.addBodyPart(body);
      for (OutgoingMail.File file : mail.files()) {
        jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
        try {
          // base64 always: the bytes arrive exactly as stored (7bit would turn LF into CRLF).
          part.attachFile(file.path().toFile(), file.contentType(), "base64");
        } catch (java.io.IOException e) {
          throw new MessagingException("Cannot read the attachment " + file.filename(), e);
        }
        part.setFileName(oneLine(file.filename()));
        mixed.addBodyPart(part);
      }
      mime.setContent(mixed);
    }
    mime.saveChanges();
    return mime;
  }

  /** multipart/alternative: the text first, the HTML last (the one clients prefer). */
  private static jakarta.mail.internet.MimeMultipart alternative(OutgoingMail mail)
      throws MessagingException {
    jakarta.mail.internet.MimeMultipart alternative =
        new jakarta.mail.internet.MimeMultipart("alternative");
    jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
    text.setText(mail.text(), "UTF-8");
    alternative.addBodyPart(text);
    jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
    html.setText(mail.html(), "UTF-8", "html");
    alternative.addBodyPart(html);
    return alternative;
  }

  /** A header value without line breaks (each run of CR/LF becomes one space). */
  static String oneLine(String value) {
    return value == null ? null : value.replaceAll("[\\r\\n]+", " ").strip();
  }

  /** A 5xx answer is final; a 4xx, a timeout or a closed door may work later. */
  private static SendResult classify(MessagingException e) {
    String message = MailboxPoller.rootMessage(e);
    Matcher code = SMTP_CODE.matcher(message);
    if (code.find()
        && code.group(1).equals("5")
        && !(e.getCause() instanceof java.io.IOException)) {
      return new SendResult.Refused("SMTP " + message);
    }
    return new SendResult.TryLater(MailboxPoller.describe(e));
  }

  /** Keeps our Message-ID: Jakarta Mail would otherwise make a new one on every save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
