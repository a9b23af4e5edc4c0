package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.Customer;
import org.ventanilla.ticket.Attachment;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.MessageDirection;
import org.ventanilla.ticket.Ticket;

/** WhatsApp's own rows (payloads, templates) and the lookups its adapter needs. */
@ApplicationScoped
public class WhatsAppRepository {

  @PersistenceContext private EntityManager em;

  public List<WhatsAppChannel> activeChannels() {
    return em.createQuery(
            "SELECT c FROM WhatsAppChannel c WHERE c.active = TRUE AND c.deletedAt IS NULL"
                + " ORDER BY c.id",
            WhatsAppChannel.class)
        .getResultList();
  }

  public Optional<WhatsAppChannel> channel(long id) {
    return Optional.ofNullable(em.find(WhatsAppChannel.class, id));
  }

  public <T> T find(Class<T> type, Object id) {
    return em.find(type, id);
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public void flush() {
    em.flush();
  }

  public Optional<WebhookPayload> payload(long id) {
    return Optional.ofNullable(em.find(WebhookPayload.class, id));
  }

  /**
   * Due payloads, locked until this transaction ends; rows another server's pass holds are skipped,
   * so two servers never file the same payloads at once.
   */
  public List<WebhookPayload> claimDuePayloads(Instant now, int limit) {
    List<Long> ids = duePayloads(now, limit);
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT p FROM WebhookPayload p WHERE p.id IN :ids ORDER BY p.id", WebhookPayload.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /**
   * Due payloads no filer holds right now, locked until this transaction ends: those another
   * filer's batch has claimed are left to it, so filing them one by one does not collide with that
   * batch (a duplicate wamid, a deadlock on the payload row).
   */
  public List<Long> duePayloads(Instant now, int limit) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM webhook_payload WHERE status = 'RECEIVED' AND next_attempt_at <= ?"
                    + " ORDER BY id FETCH FIRST "
                    + limit
                    + " ROWS ONLY FOR UPDATE SKIP LOCKED")
            .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  public List<Long> dueMediaRetries(Instant now, int limit) {
    return em.createQuery(
            "SELECT r.attachmentId FROM MediaRetry r WHERE r.nextAttemptAt <= :now"
                + " ORDER BY r.nextAttemptAt",
            Long.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  public Optional<MediaRetry> mediaRetry(long attachmentId) {
    return Optional.ofNullable(em.find(MediaRetry.class, attachmentId));
  }

  public Optional<Attachment> attachment(long id) {
    return Optional.ofNullable(em.find(Attachment.class, id));
  }

  public void remove(MediaRetry retry) {
    em.remove(retry);
  }

  public Optional<Message> message(String wamid) {
    return em
        .createQuery(
            "SELECT m FROM Message m WHERE m.channel = :ch AND m.externalId = :id", Message.class)
        .setParameter("ch", ChannelType.WHATSAPP)
        .setParameter("id", wamid)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** Which of these wamids are already filed as messages. */
  public List<String> storedWamids(Collection<String> wamids) {
    if (wamids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT m.externalId FROM Message m WHERE m.channel = :ch AND m.externalId IN :ids",
            String.class)
        .setParameter("ch", ChannelType.WHATSAPP)
        .setParameter("ids", List.copyOf(wamids))
        .getResultList();
  }

  /**
   * The newest ticket of each of these customers on each of these numbers, keyed by [customer id,
   * channel id]: what {@link #latestTicket} gives, for a whole batch in one query. The tickets are
   * read locked, in id order, until the batch commits: two filers whose batches share customers
   * then wait for each other at this query (never holding one ticket while waiting for another in a
   * different order), and neither has read a version the other is about to change.
   */
  public Map<List<Long>, Ticket> latestTickets(
      Collection<Customer> customers, Collection<Long> channelIds) {
    Map<List<Long>, Ticket> latest = new HashMap<>();
    if (customers.isEmpty() || channelIds.isEmpty()) {
      return latest;
    }
    em.createQuery(
            "SELECT t FROM Ticket t WHERE t.customer IN :cs AND t.sourceId IN :chs"
                + " AND t.createdAt = (SELECT MAX(t2.createdAt) FROM Ticket t2"
                + " WHERE t2.customer = t.customer AND t2.sourceId = t.sourceId) ORDER BY t.id",
            Ticket.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setParameter("cs", List.copyOf(customers))
        .setParameter("chs", List.copyOf(channelIds))
        .getResultList()
        .forEach(
            t ->
                latest.merge(
                    List.of(t.getCustomer().getId(), t.getSourceId()),
                    t,
                    (a, b) -> a.getId() > b.getId() ? a : b));
    return latest;
  }

  /** The customer's newest ticket on this number, whatever its status. */
  public Optional<Ticket> latestTicket(Customer customer, WhatsAppChannel channel) {
    return em
        .createQuery(
            "SELECT t FROM Ticket t WHERE t.customer = :c AND t.sourceId = :ch"
                + " ORDER BY t.createdAt DESC, t.id DESC",
            Ticket.class)
        .setParameter("c", customer)
        .setParameter("ch", channel.getId())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** Where replies on this ticket go: the WhatsApp id the customer last wrote from. */
  public Optional<String> lastSender(Ticket ticket) {
    return em
        .createQuery(
            "SELECT m.senderAddress FROM Message m WHERE m.ticket = :t AND m.direction = :in"
                + " AND m.senderAddress IS NOT NULL ORDER BY m.createdAt DESC, m.id DESC",
            String.class)
        .setParameter("t", ticket)
        .setParameter("in", MessageDirection.INBOUND)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** The wamid of the customer's latest message on this ticket: what read receipts name. */
  public Optional<String> latestInboundWamid(Ticket ticket) {
    return em
        .createQuery(
            "SELECT m.externalId FROM Message m WHERE m.ticket = :t AND m.direction = :in"
                + " AND m.channel = :ch AND m.externalId IS NOT NULL"
                + " ORDER BY m.createdAt DESC, m.id DESC",
            String.class)
        .setParameter("t", ticket)
        .setParameter("in", MessageDirection.INBOUND)
        .setParameter("ch", ChannelType.WHATSAPP)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** What Meta priced this message at, once known. */
  public Optional<WhatsAppPricing> pricing(long messageId) {
    return Optional.ofNullable(em.find(WhatsAppPricing.class, messageId));
  }

  public Optional<TemplateSend> templateSend(long messageId) {
    return Optional.ofNullable(em.find(TemplateSend.class, messageId));
  }

  public List<WhatsAppTemplate> templates(WhatsAppChannel channel) {
    return em.createQuery(
            "SELECT t FROM WhatsAppTemplate t WHERE t.channel = :c ORDER BY t.name, t.language",
            WhatsAppTemplate.class)
        .setParameter("c", channel)
        .getResultList();
  }

  public Optional<WhatsAppTemplate> template(WhatsAppChannel channel, String name, String lang) {
    return em
        .createQuery(
            "SELECT t FROM WhatsAppTemplate t WHERE t.channel = :c AND t.name = :n"
                + " AND t.language = :l",
            WhatsAppTemplate.class)
        .setParameter("c", channel)
        .setParameter("n", name)
        .setParameter("l", lang)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Optional<WhatsAppTemplate> template(long id) {
    return Optional.ofNullable(em.find(WhatsAppTemplate.class, id));
  }

  public void remove(WhatsAppTemplate template) {
    em.remove(template);
  }
}
