package org.ventanilla.channel.email;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ventanilla.channel.email.ParsedMail.ParsedAttachment;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.ticket.AttachmentStore;
import org.ventanilla.ticket.AttachmentStore.StoredFile;
import org.ventanilla.ticket.DeliveryStatus;
import org.ventanilla.ticket.InboundContent;
import org.ventanilla.ticket.InboundFiling;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;

/**
 * Turns one fetched mail into a message on the right ticket, in one transaction together with the
 * mailbox's reading position: the mail is either fully stored and counted as read, or neither.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EmailIngest {

  private static final Logger LOG = Logger.getLogger(EmailIngest.class.getName());
  private static final Pattern TICKET_TAG = Pattern.compile("\\[#(\\d{1,12})]");
  static final Duration POLL_HOLD = Duration.ofMinutes(5);

  @PersistenceContext private EntityManager em;
  @Inject TicketRepository tickets;
  @Inject InboundFiling filing;
  @Inject CustomerDirectory customers;
  @Inject AttachmentStore files;
  @Inject Clock clock;

  /** What became of a mail. */
  public enum Outcome {
    NEW_TICKET,
    ADDED_TO_TICKET,
    DUPLICATE,
    BOUNCE_RECORDED,
    /** A bounce or auto-reply concerning nothing of ours, kept on the channel. */
    NOTICE_KEPT,
    OWN_MAIL_IGNORED,
    QUARANTINED;

    public boolean createdMessage() {
      return this == NEW_TICKET || this == ADDED_TO_TICKET;
    }
  }

  /**
   * Stores a mail fetched from the mailbox (uid and uidValidity say where it was read; null for a
   * mail re-processed from quarantine) and moves the reading position past it.
   */
  public Outcome ingest(long channelId, Long uidValidity, Long uid, byte[] raw, String pollOwner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    Instant now = clock.instant();
    Outcome outcome;
    try {
      outcome = accept(channel, MailParser.parse(raw), raw, uid, now, live);
    } catch (MalformedMailException e) {
      outcome = quarantine(channel, uid, raw, "Unreadable mail: " + e.getMessage(), now);
    }
    advance(channel, uidValidity, uid, pollOwner, now);
    return outcome;
  }

  /** A mail fetched from the mailbox, by its uid. */
  public record Fetched(long uid, byte[] raw) {}

  /**
   * Stores fetched mails together, in one transaction with the reading position past the last of
   * them: far fewer commits than one by one. The batch's known Message-IDs (dedupe and threads) and
   * senders are read with one query each. When anything in it fails, the whole batch rolls back and
   * the caller files the mails one by one ({@link #ingest}), as the WhatsApp path does.
   */
  public List<Outcome> ingestBatch(
      long channelId, long uidValidity, List<Fetched> mails, String pollOwner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    Instant now = clock.instant();
    List<Outcome> outcomes = new java.util.ArrayList<>(mails.size());
    // Lookups see only what was flushed (flush mode commit): a mail whose sender, Message-ID or
    // thread an earlier mail of this batch brought (a new customer writing twice, an answer to a
    // mail of the same poll) first sends the batch's writes, so it finds them.
    // Such a mail also looks up live; the others use what the batch's lookups read before.
    List<Object> parsedOrError = new java.util.ArrayList<>(mails.size());
    for (Fetched mail : mails) {
      try {
        parsedOrError.add(MailParser.parse(mail.raw()));
      } catch (MalformedMailException e) {
        parsedOrError.add(e);
      }
    }
    Lookups known =
        new Known(
            parsedOrError.stream()
                .filter(ParsedMail.class::isInstance)
                .map(ParsedMail.class::cast)
                .toList());
    java.util.Set<String> brought = new java.util.HashSet<>();
    for (int i = 0; i < mails.size(); i++) {
      Fetched mail = mails.get(i);
      Outcome outcome;
      if (parsedOrError.get(i) instanceof ParsedMail parsed) {
        Lookups lookups = known;
        if (repeats(brought, parsed)) {
          em.flush();
          lookups = live;
        }
        outcome = accept(channel, parsed, mail.raw(), mail.uid(), now, lookups);
      } else {
        outcome =
            quarantine(
                channel,
                mail.uid(),
                mail.raw(),
                "Unreadable mail: " + ((Exception) parsedOrError.get(i)).getMessage(),
                now);
      }
      outcomes.add(outcome);
    }
    if (!mails.isEmpty()) {
      advance(channel, uidValidity, mails.get(mails.size() - 1).uid(), pollOwner, now);
    }
    return outcomes;
  }

  /** Whether the mail names what an earlier one of the batch brought; records what it brings. */
  private static boolean repeats(java.util.Set<String> brought, ParsedMail mail) {
    boolean repeats =
        brought.contains(key(mail.fromAddress()))
            || brought.contains(mail.messageId())
            || mail.threadIds().stream().anyMatch(brought::contains);
    brought.add(key(mail.fromAddress()));
    brought.add(mail.messageId());
    return repeats;
  }

  private static String key(String address) {
    return "from:" + (address == null ? "" : address.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Puts a mail aside that could not be stored for another reason (a bug, a constraint), so it
   * never blocks the mails after it.
   */
  public Outcome quarantine(
      long channelId, Long uidValidity, Long uid, byte[] raw, String reason, String pollOwner) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    Instant now = clock.instant();
    Outcome outcome = quarantine(channel, uid, raw, reason, now);
    advance(channel, uidValidity, uid, pollOwner, now);
    return outcome;
  }

  private void advance(
      EmailChannel channel, Long uidValidity, Long uid, String owner, Instant now) {
    if (uidValidity != null && uid != null) {
      channel.readUpTo(uidValidity, uid);
    }
    if (owner != null) {
      // A long poll keeps its lock while it makes progress.
      channel.tryLockPoll(owner, now, PollWork.hold(channel, owner));
    }
  }

  /** What accepting a mail looks up: one query each, or read for a whole batch before. */
  private interface Lookups {
    boolean knows(String messageId);

    /** The most recent ticket holding any of these Message-IDs. */
    Optional<Ticket> ticketOf(List<String> messageIds);

    Customer customer(String address, String name, Instant now);
  }

  private final Lookups live =
      new Lookups() {
        @Override
        public boolean knows(String messageId) {
          return tickets.findMessage(ChannelType.EMAIL, messageId).isPresent();
        }

        @Override
        public Optional<Ticket> ticketOf(List<String> messageIds) {
          return tickets.findByMessageIds(ChannelType.EMAIL, messageIds);
        }

        @Override
        public Customer customer(String address, String name, Instant now) {
          return customers.findOrCreate(ContactType.EMAIL, address, name, now);
        }
      };

  /** A batch's Message-IDs (its own and those it answers) and senders, each read in one query. */
  private final class Known implements Lookups {
    private final java.util.Map<String, Message> messages;
    private final java.util.Map<String, Customer> senders;

    Known(List<ParsedMail> batch) {
      java.util.Set<String> ids = new java.util.HashSet<>();
      java.util.Set<String> addresses = new java.util.HashSet<>();
      for (ParsedMail mail : batch) {
        ids.add(mail.messageId());
        ids.addAll(mail.threadIds());
        addresses.add(mail.fromAddress());
      }
      messages = tickets.findMessages(ChannelType.EMAIL, ids);
      senders = customers.findByContacts(ContactType.EMAIL, addresses);
    }

    @Override
    public boolean knows(String messageId) {
      return messages.containsKey(messageId);
    }

    @Override
    public Optional<Ticket> ticketOf(List<String> messageIds) {
      return messageIds.stream()
          .map(messages::get)
          .filter(java.util.Objects::nonNull)
          .max(java.util.Comparator.comparing(Message::getCreatedAt).thenComparing(Message::getId))
          .map(Message::getTicket);
    }

    @Override
    public Customer customer(String address, String name, Instant now) {
      return customers.findOrCreate(
          ContactType.EMAIL, address, name, now, Optional.ofNullable(senders.get(address)));
    }
  }

  private Outcome accept(
      EmailChannel channel, ParsedMail mail, byte[] raw, Long uid, Instant now, Lookups lookups) {
    if (mail.fromAddress().equals(channel.getAddress())) {
      return Outcome.OWN_MAIL_IGNORED;
    }
    if (mail.isBounce()) {
      return bounce(channel, mail, raw, uid, now);
    }
    if (lookups.knows(mail.messageId())) {
      return Outcome.DUPLICATE;
    }
    Optional<Ticket> answered = lookups.ticketOf(mail.threadIds());
    if (mail.autoReply() && answered.isEmpty() && !tagged(mail)) {
      // An out-of-office answering nothing of ours: never a new ticket.
      return notice(channel, MailNotice.Kind.AUTO_REPLY, mail, raw, now);
    }
    MailRecipients recipients = mail.recipients();
    Optional<Ticket> participants = participantsThread(mail, answered);
    if (participants.isPresent()) {
      filing.fileFromParticipant(
          participants.get(),
          content(mail, mail.fromName() == null ? mail.fromAddress() : mail.fromName()),
          now,
          message -> {
            message.addressedTo(recipients.to(), recipients.cc());
            attach(message, mail, now);
          });
      channel.countReceived(1);
      return Outcome.ADDED_TO_TICKET;
    }
    Customer customer = lookups.customer(mail.fromAddress(), mail.fromName(), now);
    Optional<Ticket> existing = thread(mail, answered, customer);
    filing.file(
        customer,
        existing,
        new InboundFiling.Opening(
            ChannelType.EMAIL,
            channel.getId(),
            mail.subject(),
            mail.fromName() == null ? mail.fromAddress() : mail.fromName()),
        content(mail, mail.fromName() == null ? customer.getName() : mail.fromName()),
        now,
        message -> {
          message.addressedTo(recipients.to(), recipients.cc());
          attach(message, mail, now);
        });
    channel.countReceived(1);
    return existing.isPresent() ? Outcome.ADDED_TO_TICKET : Outcome.NEW_TICKET;
  }

  private static InboundContent content(ParsedMail mail, String author) {
    return new InboundContent(
        author,
        mail.fromAddress(),
        mail.subject(),
        mail.text(),
        mail.html(),
        mail.messageId(),
        mail.automatic(),
        mail.repaired());
  }

  /**
   * The ticket a mail answers (by its In-Reply-To or References) when its sender is one of that
   * ticket's participants (copied on a reply, sent a forward) and not its customer.
   */
  private Optional<Ticket> participantsThread(ParsedMail mail, Optional<Ticket> answered) {
    String sender;
    try {
      sender = org.ventanilla.common.ContactNormalizer.email(mail.fromAddress());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return answered
        .map(Ticket::conversation)
        .filter(t -> t.participant(sender).isPresent())
        .filter(t -> !t.getCustomer().contactValues(ContactType.EMAIL).contains(sender));
  }

  /** The mail's files, stored in our attachment store, on the message that carries them. */
  private void attach(Message message, ParsedMail mail, Instant now) {
    for (ParsedAttachment file : mail.attachments()) {
      String name = AttachmentStore.safeFilename(file.filename());
      if (file.content() == null) {
        message.attach(
            name, file.contentType(), file.size(), null, null, file.note(), file.contentId(), now);
      } else {
        StoredFile stored = files.store(file.content());
        message.attach(
            name,
            file.contentType(),
            stored.size(),
            stored.sha256(),
            stored.path(),
            null,
            file.contentId(),
            now);
      }
    }
  }

  /**
   * The ticket a mail belongs to: the one holding any id of its In-Reply-To or References; failing
   * that, the ticket tagged [#n] in its subject, but only when the sender is that ticket's customer
   * (a stranger quoting a number must not land in someone else's conversation).
   */
  private Optional<Ticket> thread(ParsedMail mail, Optional<Ticket> byHeaders, Customer sender) {
    if (byHeaders.isPresent()) {
      return byHeaders;
    }
    if (mail.subject() == null) {
      return Optional.empty();
    }
    Matcher tag = TICKET_TAG.matcher(mail.subject());
    while (tag.find()) {
      Optional<Ticket> tagged = tickets.findByNumber(Long.parseLong(tag.group(1)));
      if (tagged.isPresent()
          && tagged.get().getChannel() == ChannelType.EMAIL
          && tagged.get().getCustomer().getId().equals(sender.getId())) {
        return tagged;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the subject names a ticket of the sender's own ([#n]), as their auto-reply quoting it
   * does; the same rule as {@link #thread}: a stranger quoting a number answers nothing of ours.
   */
  private boolean tagged(ParsedMail mail) {
    if (mail.subject() == null) {
      return false;
    }
    String sender;
    try {
      sender = org.ventanilla.common.ContactNormalizer.email(mail.fromAddress());
    } catch (RuntimeException e) {
      return false;
    }
    Matcher tag = TICKET_TAG.matcher(mail.subject());
    while (tag.find()) {
      Optional<Ticket> ticket = tickets.findByNumber(Long.parseLong(tag.group(1)));
      if (ticket.isPresent()
          && ticket.get().getChannel() == ChannelType.EMAIL
          && ticket.get().getCustomer().contactValues(ContactType.EMAIL).contains(sender)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A delivery report: the reply of ours it names (by the returned Message-ID, the quoted original,
   * In-Reply-To or References) is marked failed with the reason, as the outbox marks a refused
   * send; a report naming nothing of ours is kept on the channel. Never a ticket.
   */
  private Outcome bounce(EmailChannel channel, ParsedMail mail, byte[] raw, Long uid, Instant now) {
    ParsedMail.Bounce bounce = mail.bounce();
    Optional<Message> original = Optional.empty();
    for (String id : bounce.originalIds()) {
      original =
          tickets
              .findMessage(ChannelType.EMAIL, id)
              .filter(m -> m.getDirection() == org.ventanilla.ticket.MessageDirection.OUTBOUND);
      if (original.isPresent()) {
        break;
      }
    }
    if (original.isEmpty()) {
      return notice(channel, MailNotice.Kind.BOUNCE, mail, raw, now);
    }
    if (bounce.failure()) {
      String reason =
          "Bounced"
              + (bounce.recipient() == null ? "" : " by " + bounce.recipient())
              + ": "
              + bounce.reason();
      original.get().updateDelivery(DeliveryStatus.FAILED, reason);
    }
    LOG.info(() -> "Bounce recorded for " + bounce.originalMessageId());
    return Outcome.BOUNCE_RECORDED;
  }

  private Outcome notice(
      EmailChannel channel, MailNotice.Kind kind, ParsedMail mail, byte[] raw, Instant now) {
    String sha = AttachmentStore.sha256(raw);
    boolean known =
        !em.createQuery(
                "SELECT n.id FROM MailNotice n WHERE n.channel = :c AND n.sha256 = :s", Long.class)
            .setParameter("c", channel)
            .setParameter("s", sha)
            .getResultList()
            .isEmpty();
    if (!known) {
      StoredFile stored = files.store(raw);
      em.persist(new MailNotice(channel, kind, mail, stored.path(), raw.length, sha, now));
    }
    return Outcome.NOTICE_KEPT;
  }

  /** Bounces and auto-replies kept on a mailbox, newest first. */
  public org.ventanilla.common.Page<MailNoticeView> notices(long channelId, int page, int size) {
    long total =
        em.createQuery("SELECT COUNT(n) FROM MailNotice n WHERE n.channel.id = :c", Long.class)
            .setParameter("c", channelId)
            .getSingleResult();
    List<MailNoticeView> items =
        em
            .createQuery(
                "SELECT n FROM MailNotice n WHERE n.channel.id = :c"
                    + " ORDER BY n.receivedAt DESC, n.id DESC",
                MailNotice.class)
            .setParameter("c", channelId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(MailNoticeView::of)
            .toList();
    return new org.ventanilla.common.Page<>(items, total, page, size);
  }

  private Outcome quarantine(
      EmailChannel channel, Long uid, byte[] raw, String reason, Instant now) {
    String sha = AttachmentStore.sha256(raw);
    boolean known =
        !em.createQuery(
                "SELECT q.id FROM QuarantinedMail q WHERE q.channel = :c AND q.sha256 = :s",
                Long.class)
            .setParameter("c", channel)
            .setParameter("s", sha)
            .getResultList()
            .isEmpty();
    if (!known) {
      StoredFile stored = files.store(raw);
      em.persist(new QuarantinedMail(channel, uid, reason, stored.path(), raw.length, sha, now));
      LOG.warning(
          () ->
              "Mail uid "
                  + uid
                  + " of mailbox "
                  + channel.getAddress()
                  + " quarantined: "
                  + reason.toLowerCase(Locale.ROOT));
    }
    return Outcome.QUARANTINED;
  }

  /**
   * Processes a quarantined mail again; when it now lands (or turns out to be known), its entry is
   * resolved.
   */
  public Outcome ingestQuarantined(long channelId, long quarantineId, byte[] raw) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    QuarantinedMail entry = em.find(QuarantinedMail.class, quarantineId);
    Instant now = clock.instant();
    Outcome outcome;
    try {
      outcome = accept(channel, MailParser.parse(raw), raw, entry.getImapUid(), now, live);
    } catch (MalformedMailException e) {
      return Outcome.QUARANTINED;
    }
    if (outcome != Outcome.QUARANTINED) {
      entry.resolve("Processed again: " + outcome.name().toLowerCase(Locale.ROOT), now);
    }
    return outcome;
  }

  public Optional<QuarantinedMail> findQuarantined(long id) {
    return Optional.ofNullable(em.find(QuarantinedMail.class, id));
  }

  /** Quarantined mail of a mailbox, newest first. */
  public List<QuarantinedMail> quarantined(long channelId, int limit) {
    return em.createQuery(
            "SELECT q FROM QuarantinedMail q WHERE q.channel.id = :c ORDER BY q.receivedAt DESC, q.id DESC",
            QuarantinedMail.class)
        .setParameter("c", channelId)
        .setMaxResults(limit)
        .getResultList();
  }
}
