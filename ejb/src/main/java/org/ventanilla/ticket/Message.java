package org.ventanilla.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ventanilla.agent.Agent;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ContentTooLargeException;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.Markdown;

/**
 * One entry of a conversation: a customer's message, an agent's reply or an internal note. HTML is
 * stored exactly as received and sanitized only when shown.
 */
@Entity
@Table(name = "message")
public class Message {

  /**
   * A message's text and its HTML, each: about 1 MB. What an agent or the API sends beyond it is
   * refused; channels cut what customers send to it first ({@link #cut}), so mail is never lost.
   */
  public static final int MAX_CONTENT = 1_000_000;

  static final int MAX_SUBJECT = 1000;
  static final int MAX_AUTHOR_NAME = 300;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 500)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageDirection direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ChannelType channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "author_type", nullable = false)
  private AuthorType authorType;

  @Column(name = "author_name")
  private String authorName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agent_id")
  private Agent agent;

  private String subject;

  @Column(name = "text_body")
  private String text;

  @Column(name = "html_body")
  private String html;

  @Column(name = "external_id")
  private String externalId;

  @Enumerated(EnumType.STRING)
  @Column(name = "delivery_status")
  private DeliveryStatus deliveryStatus;

  @Column(name = "delivery_error")
  private String deliveryError;

  /** The customer's answer to interactive buttons or a list: button_reply or list_reply. */
  @Column(name = "interactive_type")
  private String interactiveType;

  @Column(name = "interactive_id")
  private String interactiveId;

  @Column(name = "interactive_title")
  private String interactiveTitle;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sender_address")
  private String senderAddress;

  /** A machine sent it (auto-reply, bounce, list or bulk mail): loop guards leave it alone. */
  @Column(nullable = false)
  private boolean automated;

  /** The channel could read it only after repairing it (the original is among its files). */
  @Column(nullable = false)
  private boolean repaired;

  /** Mail only: further recipients, comma-separated ({@link #getCc()}, {@link #getBcc()}). */
  @Column(name = "cc_addresses")
  private String ccAddresses;

  @Column(name = "bcc_addresses")
  private String bccAddresses;

  /** Inbound mail only: its own To, comma-separated (with its Cc, what the next reply copies). */
  @Column(name = "to_addresses")
  private String toAddresses;

  @OneToMany(mappedBy = "message", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<Attachment> attachments = new ArrayList<>();

  protected Message() {}

  private Message(
      Ticket ticket,
      MessageDirection direction,
      MessageKind kind,
      AuthorType authorType,
      String authorName,
      Agent agent,
      String subject,
      String text,
      String html,
      String externalId,
      Instant now) {
    this.ticket = ticket;
    this.direction = direction;
    this.kind = kind;
    this.channel = ticket.getChannel();
    this.authorType = authorType;
    this.authorName = oneLine(authorName, MAX_AUTHOR_NAME);
    this.agent = agent;
    this.subject = oneLine(subject, MAX_SUBJECT);
    this.text = withoutNul(checked(text, "The message text"));
    this.html = withoutNul(checked(html, "The message HTML"));
    this.externalId = externalId;
    this.createdAt = now;
  }

  /** Names and subjects come from outside: one line, cut to the column's size. */
  private static String oneLine(String value, int max) {
    if (value == null) {
      return null;
    }
    String line = value.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > max ? line.substring(0, max) : line;
  }

  private static String checked(String content, String what) {
    if (content != null && content.length() > MAX_CONTENT) {
      throw new ContentTooLargeException(what, MAX_CONTENT);
    }
    return content;
  }

  /**
   * What a channel received, cut to what a message keeps, with {@code saying} (that it was cut) at
   * the end; content within the limit is returned as it is.
   */
  public static String cut(String content, String saying) {
    if (content == null || content.length() <= MAX_CONTENT) {
      return content;
    }
    int keep = MAX_CONTENT - saying.length();
    if (Character.isHighSurrogate(content.charAt(keep - 1))) {
      keep--;
    }
    return content.substring(0, keep) + saying;
  }

  /** NUL means nothing in a message, and PostgreSQL cannot store it in text. */
  private static String withoutNul(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  static Message inbound(Ticket ticket, InboundContent content, Instant now) {
    String text = content.text();
    if ((text == null || text.isBlank()) && (content.html() == null || content.html().isBlank())) {
      text = "";
    }
    Message message =
        new Message(
            ticket,
            MessageDirection.INBOUND,
            MessageKind.MESSAGE,
            AuthorType.CUSTOMER,
            content.authorName(),
            null,
            content.subject(),
            text,
            content.html(),
            content.externalId(),
            now);
    message.senderAddress = content.senderAddress();
    message.automated = content.automated();
    message.repaired = content.repaired();
    return message;
  }

  /**
   * A participant's inbound message (not the customer's): the same, told apart by its author, a
   * third party when they were sent a forward.
   */
  static Message fromParticipant(
      Ticket ticket, InboundContent content, Participant.Role role, Instant now) {
    Message message = inbound(ticket, content, now);
    message.authorType =
        role == Participant.Role.THIRD_PARTY ? AuthorType.THIRD_PARTY : AuthorType.PARTICIPANT;
    return message;
  }

  /** An agent's forward to {@code to}: the body holds the note and the forwarded messages. */
  static Message forward(Ticket ticket, Agent agent, String body, List<String> to, Instant now) {
    Message message =
        new Message(
            ticket,
            MessageDirection.OUTBOUND,
            MessageKind.FORWARD,
            AuthorType.AGENT,
            agent.getDisplayName(),
            agent,
            null,
            body,
            null,
            null,
            now);
    message.toAddresses = joined(to, "to");
    if (message.toAddresses == null) {
      throw new InvalidInputException("to_required", "A forward needs at least one address in to");
    }
    message.deliveryStatus = DeliveryStatus.QUEUED;
    return message;
  }

  static Message reply(Ticket ticket, Agent agent, String text, Instant now) {
    Message message =
        new Message(
            ticket,
            MessageDirection.OUTBOUND,
            MessageKind.MESSAGE,
            AuthorType.AGENT,
            agent.getDisplayName(),
            agent,
            null,
            requireText(text),
            null,
            null,
            now);
    message.deliveryStatus = DeliveryStatus.QUEUED;
    return message;
  }

  /** A message the system sends the customer (a satisfaction survey), queued like a reply. */
  static Message system(Ticket ticket, String text, Instant now) {
    return queuedBySystem(ticket, "Ventanilla", text, now);
  }

  /** An automation's reply (acknowledgement, rule): not an agent's first response. */
  static Message automaticReply(Ticket ticket, String actor, String text, Instant now) {
    Message message = queuedBySystem(ticket, actor, text, now);
    message.automated = true;
    return message;
  }

  private static Message queuedBySystem(Ticket ticket, String actor, String text, Instant now) {
    Message message =
        new Message(
            ticket,
            MessageDirection.OUTBOUND,
            MessageKind.MESSAGE,
            AuthorType.SYSTEM,
            actor,
            null,
            null,
            requireText(text),
            null,
            null,
            now);
    message.deliveryStatus = DeliveryStatus.QUEUED;
    return message;
  }

  static Message automaticNote(Ticket ticket, String actor, String text, Instant now) {
    return new Message(
        ticket,
        MessageDirection.OUTBOUND,
        MessageKind.NOTE,
        AuthorType.SYSTEM,
        actor,
        null,
        null,
        requireText(text),
        null,
        null,
        now);
  }

  static Message note(Ticket ticket, Agent agent, String text, Instant now) {
    return new Message(
        ticket,
        MessageDirection.OUTBOUND,
        MessageKind.NOTE,
        AuthorType.AGENT,
        agent.getDisplayName(),
        agent,
        null,
        requireText(text),
        null,
        null,
        now);
  }

  /**
   * An agent's reply written in the composer's Markdown subset: its HTML is the text rendered and
   * sanitized, so the timeline shows it as written and mail sends it as its HTML part. Template and
   * interactive replies are not rendered (their marks are WhatsApp's own).
   */
  void renderMarkdown() {
    if (authorType != AuthorType.AGENT || direction != MessageDirection.OUTBOUND) {
      throw new IllegalStateException("Only an agent's reply is written in Markdown");
    }
    this.html = Markdown.html(text);
  }

  /** Whether {@link #getText()} is the Markdown an agent wrote (see {@link #renderMarkdown()}). */
  public boolean isWrittenInMarkdown() {
    return authorType == AuthorType.AGENT && direction == MessageDirection.OUTBOUND && html != null;
  }

  private static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text is required");
    }
    return text.strip();
  }

  /** A mail reply's CC and BCC, each address checked and normalised, duplicates dropped. */
  void copyTo(java.util.List<String> cc, java.util.List<String> bcc) {
    this.ccAddresses = joined(cc, "cc");
    this.bccAddresses = joined(bcc, "bcc");
  }

  /**
   * An inbound mail's own To and Cc, kept so the next reply can copy them; addresses that are not
   * valid are left out (mail from outside is not refused for its headers), and what does not fit
   * the column is cut at an address.
   */
  public void addressedTo(java.util.List<String> to, java.util.List<String> cc) {
    this.toAddresses = lenient(to);
    this.ccAddresses = lenient(cc);
  }

  private static String lenient(java.util.List<String> addresses) {
    StringBuilder kept = new StringBuilder();
    for (String address : new java.util.LinkedHashSet<>(addresses)) {
      String clean;
      try {
        clean = org.ventanilla.common.ContactNormalizer.email(address);
      } catch (RuntimeException e) {
        continue;
      }
      if (kept.length() + clean.length() + 1 > 4000) {
        break;
      }
      kept.append(kept.length() == 0 ? "" : ",").append(clean);
    }
    return kept.length() == 0 ? null : kept.toString();
  }

  public java.util.List<String> getTo() {
    return split(toAddresses);
  }

  private static String joined(java.util.List<String> addresses, String field) {
    java.util.LinkedHashSet<String> clean = new java.util.LinkedHashSet<>();
    for (String address : addresses) {
      try {
        clean.add(org.ventanilla.common.ContactNormalizer.email(address));
      } catch (RuntimeException e) {
        throw new InvalidInputException("invalid_address", field + ": not an email address");
      }
    }
    String value = String.join(",", clean);
    if (value.length() > 4000) {
      throw new InvalidInputException("too_many_recipients", field + " holds too many addresses");
    }
    return value.isEmpty() ? null : value;
  }

  private static java.util.List<String> split(String addresses) {
    return addresses == null || addresses.isEmpty()
        ? java.util.List.of()
        : java.util.List.of(addresses.split(","));
  }

  public java.util.List<String> getCc() {
    return split(ccAddresses);
  }

  public java.util.List<String> getBcc() {
    return split(bccAddresses);
  }

  /** Channels report delivery out of order: only a later status, or a failure, is taken. */
  public boolean updateDelivery(DeliveryStatus reported, String error) {
    if (kind == MessageKind.NOTE || direction != MessageDirection.OUTBOUND) {
      return false;
    }
    if (reported == DeliveryStatus.FAILED) {
      this.deliveryStatus = DeliveryStatus.FAILED;
      this.deliveryError = error;
      return true;
    }
    if (deliveryStatus == null || reported.isAfter(deliveryStatus)) {
      if (deliveryStatus == DeliveryStatus.FAILED) {
        return false;
      }
      this.deliveryStatus = reported;
      return true;
    }
    return false;
  }

  public void recordExternalId(String id) {
    this.externalId = id;
  }

  public Attachment attach(
      String filename,
      String contentType,
      long size,
      String sha256,
      String storagePath,
      String note,
      Instant now) {
    return attach(filename, contentType, size, sha256, storagePath, note, null, now);
  }

  /** A file with the Content-ID its mail's HTML may show it by ({@code <img src="cid:...">}). */
  public Attachment attach(
      String filename,
      String contentType,
      long size,
      String sha256,
      String storagePath,
      String note,
      String contentId,
      Instant now) {
    Attachment attachment =
        new Attachment(
            this, filename, contentType, size, sha256, storagePath, note, contentId, now);
    attachments.add(attachment);
    return attachment;
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public MessageDirection getDirection() {
    return direction;
  }

  public MessageKind getKind() {
    return kind;
  }

  public ChannelType getChannel() {
    return channel;
  }

  public AuthorType getAuthorType() {
    return authorType;
  }

  public String getAuthorName() {
    return authorName;
  }

  public Agent getAgent() {
    return agent;
  }

  public String getSubject() {
    return subject;
  }

  public String getText() {
    return text;
  }

  public String getHtml() {
    return html;
  }

  public String getExternalId() {
    return externalId;
  }

  /** Which of our buttons or list rows the customer chose with this message. */
  public void recordChoice(String type, String id, String title) {
    this.interactiveType = type;
    this.interactiveId = id == null || id.length() <= 256 ? id : id.substring(0, 256);
    this.interactiveTitle =
        title == null || title.length() <= 100 ? title : title.substring(0, 100);
  }

  public String getInteractiveType() {
    return interactiveType;
  }

  public String getInteractiveId() {
    return interactiveId;
  }

  public String getInteractiveTitle() {
    return interactiveTitle;
  }

  public DeliveryStatus getDeliveryStatus() {
    return deliveryStatus;
  }

  public String getDeliveryError() {
    return deliveryError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getSenderAddress() {
    return senderAddress;
  }

  public boolean isAutomated() {
    return automated;
  }

  public boolean isRepaired() {
    return repaired;
  }

  public List<Attachment> getAttachments() {
    return Collections.unmodifiableList(attachments);
  }
}
