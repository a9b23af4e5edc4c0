package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.ticket.Attachment;
import org.ventanilla.ticket.InboundContent;
import org.ventanilla.ticket.InboundFiling;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketStatus;

/**
 * What WhatsApp adds to filing a customer's message: the customer by their WhatsApp id, the
 * conversation on this number (the open ticket, or the last one while within the channel's reopen
 * days), the quoted message a reply refers to, and the file. The ticket side files it ({@link
 * InboundFiling}). Runs in the caller's transaction, alone or in a batch.
 */
@ApplicationScoped
class WhatsAppFiling {

  @Inject WhatsAppRepository whatsapp;
  @Inject CustomerDirectory customers;
  @Inject InboundFiling filing;
  @Inject Clock clock;
  @Inject org.ventanilla.csat.Surveys surveys;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(WhatsAppFiling.class.getName());

  /** Lookups for one message on its own. */
  Lookups single() {
    return new Lookups();
  }

  /** Lookups for a batch, read for all its messages at once. */
  BatchLookups batch(List<Inbound> messages, Collection<Long> channelIds) {
    return new BatchLookups(messages, channelIds);
  }

  /**
   * Where filing finds the customer and their conversation: straight from the database, or, in a
   * batch, remembered from earlier messages of the same (not yet flushed) transaction.
   */
  class Lookups {
    Customer customer(CustomerDirectory.WhatsAppSender sender, Instant now) {
      return customers.onWhatsApp(sender, now);
    }

    Optional<Ticket> latestTicket(Customer customer, WhatsAppChannel channel) {
      return whatsapp.latestTicket(customer, channel);
    }

    void opened(Ticket ticket) {}

    void filed(String wamid) {}
  }

  /** A batch's memory: what earlier messages of the batch found or created. */
  final class BatchLookups extends Lookups {
    private final Map<String, Customer> customerByPhone = new HashMap<>();
    private final Map<String, Customer> customerByUser = new HashMap<>();
    private final Map<List<Long>, Optional<Ticket>> latestByConversation = new HashMap<>();
    private final Set<String> filed = new HashSet<>();

    /** Reads what the batch's messages need in three queries instead of three per message. */
    BatchLookups(List<Inbound> messages, Collection<Long> channelIds) {
      filed.addAll(
          whatsapp.storedWamids(
              messages.stream().map(Inbound::wamid).filter(Objects::nonNull).toList()));
      Set<String> addresses = new HashSet<>();
      Set<String> users = new HashSet<>();
      for (Inbound m : messages) {
        try {
          if (m.waId() != null) {
            addresses.add(ContactNormalizer.whatsappId(m.waId()));
          }
        } catch (InvalidInputException e) {
          // Reported when that message is filed.
        }
        if (m.userId() != null) {
          users.add(m.userId());
        }
      }
      customerByPhone.putAll(customers.findByContacts(ContactType.PHONE, addresses));
      customerByUser.putAll(customers.findByContacts(ContactType.WHATSAPP_USER, users));
      Set<Customer> known = new HashSet<>(customerByPhone.values());
      known.addAll(customerByUser.values());
      Map<List<Long>, Ticket> latest = whatsapp.latestTickets(known, channelIds);
      for (Customer c : known) {
        for (Long channelId : channelIds) {
          List<Long> key = List.of(c.getId(), channelId);
          latestByConversation.put(key, Optional.ofNullable(latest.get(key)));
        }
      }
    }

    boolean isFiled(String wamid) {
      return filed.contains(wamid);
    }

    /** Everything the batch may name was read at its start: a miss is someone new. */
    @Override
    Customer customer(CustomerDirectory.WhatsAppSender sender, Instant now) {
      Customer customer =
          customers.onWhatsApp(
              sender,
              Optional.ofNullable(sender.phone()).map(customerByPhone::get),
              Optional.ofNullable(sender.userId()).map(customerByUser::get),
              now);
      if (sender.phone() != null) {
        customerByPhone.putIfAbsent(sender.phone(), customer);
      }
      if (sender.userId() != null) {
        customerByUser.putIfAbsent(sender.userId(), customer);
      }
      return customer;
    }

    @Override
    Optional<Ticket> latestTicket(Customer customer, WhatsAppChannel channel) {
      return latestByConversation.computeIfAbsent(
          List.of(customer.getId(), channel.getId()), k -> super.latestTicket(customer, channel));
    }

    @Override
    void opened(Ticket ticket) {
      latestByConversation.put(
          List.of(ticket.getCustomer().getId(), ticket.getSourceId()), Optional.of(ticket));
    }

    @Override
    void filed(String wamid) {
      filed.add(wamid);
    }
  }

  /**
   * Files the message; returns the retry to record once it is flushed, when its file is missing.
   */
  MediaRetry file(
      WhatsAppChannel channel,
      Inbound in,
      Optional<StoredFile> file,
      String fileProblem,
      Lookups lookups) {
    Optional<String[]> answer = WhatsAppSurveys.answer(in.type(), in.text());
    if (answer.isPresent()) {
      // A tapped survey button is the answer, not a message: it must not reopen the ticket.
      try {
        surveys.answer(answer.get()[0], Integer.parseInt(answer.get()[1]), null);
      } catch (org.ventanilla.common.DomainException e) {
        LOG.info("A survey button for a used or unknown survey: " + e.getMessage());
      }
      lookups.filed(in.wamid());
      return null;
    }
    Instant now = clock.instant();
    Instant at = in.timestamp() == null || in.timestamp().isAfter(now) ? now : in.timestamp();
    CustomerDirectory.WhatsAppSender sender = sender(in);
    if (in.isSystem()) {
      // A changed phone or BSUID: the contact follows, nothing is filed.
      followIdentityChange(in, sender, now);
      lookups.filed(in.wamid());
      return null;
    }
    String address = sender.phone() != null ? sender.phone() : sender.userId();
    Customer customer = lookups.customer(sender, now);
    String author = in.profileName() == null ? customer.getName() : in.profileName();
    String text = quoted(in.contextWamid()) + Objects.requireNonNullElse(in.text(), "");
    Optional<Ticket> thread =
        lookups
            .latestTicket(customer, channel)
            .filter(
                t ->
                    t.getStatus() != TicketStatus.RESOLVED
                        || channel.reopensWithin(t.getResolvedAt(), at));
    Attachment[] pending = {null}; // the placeholder of a file still to download, if any
    InboundFiling.Filed filed =
        filing.file(
            customer,
            thread,
            new InboundFiling.Opening(channel.getType(), channel.getId(), null, author),
            new InboundContent(author, address, null, text, null, in.wamid(), false),
            at,
            message -> pending[0] = attach(message, in, file, fileProblem, now));
    if (filed.opened()) {
      lookups.opened(filed.ticket());
    }
    lookups.filed(in.wamid());
    return pending[0] == null
        ? null
        : new MediaRetry(pending[0].getId(), channel.getId(), in.type(), in.media(), now);
  }

  /** The sender as the webhook names them; a malformed phone is refused (kept in the payload). */
  static CustomerDirectory.WhatsAppSender sender(Inbound in) {
    String phone = in.waId() == null ? null : ContactNormalizer.whatsappId(in.waId());
    if (phone == null && in.userId() == null) {
      throw new InvalidInputException(
          "invalid_phone", "A WhatsApp message with neither a phone number nor a user id");
    }
    return new CustomerDirectory.WhatsAppSender(
        phone, in.userId(), in.parentUserId(), in.username(), in.profileName());
  }

  private void followIdentityChange(
      Inbound in, CustomerDirectory.WhatsAppSender sender, Instant now) {
    WebhookEvents.IdentityChange change = in.change();
    if (change == null) {
      return;
    }
    String newPhone =
        change.newWaId() == null ? null : ContactNormalizer.whatsappId(change.newWaId());
    customers.whatsappChanged(sender, newPhone, change.newUserId(), now);
  }

  /** The message's file when it was downloaded; else a placeholder the retry fills in later. */
  private static Attachment attach(
      Message message, Inbound in, Optional<StoredFile> file, String fileProblem, Instant now) {
    if (in.media() == null) {
      return null;
    }
    if (file.isPresent()) {
      StoredFile f = file.get();
      message.attach(
          f.filename(), f.contentType(), f.size(), f.sha256(), f.relativePath(), null, now);
      return null;
    }
    return message.attach(
        MediaDownloader.displayName(in.media(), in.type(), "bin"),
        in.media().mimeType() == null ? "application/octet-stream" : in.media().mimeType(),
        0,
        null,
        null,
        "Not downloaded from WhatsApp yet, trying again (media id "
            + in.media().id()
            + "): "
            + fileProblem,
        now);
  }

  private String quoted(String contextWamid) {
    if (contextWamid == null) {
      return "";
    }
    return whatsapp
        .message(contextWamid)
        .map(Message::getText)
        .filter(t -> t != null && !t.isBlank())
        .map(t -> "> " + t.strip().lines().findFirst().orElse("") + "\n")
        .orElse("> (reply to an earlier message)\n");
  }
}
