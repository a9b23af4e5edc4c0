package org.ventanilla.channel;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ventanilla.ticket.DeliveryStatus;

/** The outbox's transactions, each short and on its own. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxWork {

  @PersistenceContext private EntityManager em;
  @Inject Clock clock;

  /** Ids of entries due now: pending and due, or claimed by a server that never finished. */
  public List<Long> due(int limit) {
    Instant now = clock.instant();
    return em.createQuery(
            "SELECT o.id FROM OutboxEntry o WHERE (o.status = :pending AND o.nextAttemptAt <= :now)"
                + " OR (o.status = :sending AND o.claimedUntil < :now) ORDER BY o.nextAttemptAt, o.id",
            Long.class)
        .setParameter("pending", OutboxStatus.PENDING)
        .setParameter("sending", OutboxStatus.SENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Claims one entry and reads its payload. Empty when another server claimed it first (the
   * optimistic lock fails that commit) or it is no longer due.
   */
  public <P> Optional<Claimed<P>> claim(long id, String node, Senders senders) {
    OutboxEntry entry = em.find(OutboxEntry.class, id);
    Instant now = clock.instant();
    if (entry == null || !entry.isDue(now)) {
      return Optional.empty();
    }
    entry.claim(node, now);
    em.flush();
    @SuppressWarnings("unchecked")
    OutboundSender<P> sender = (OutboundSender<P>) senders.forType(entry.getChannel().getType());
    P payload = sender.prepare(entry.getMessage(), entry.getChannel());
    return Optional.of(new Claimed<>(id, sender, payload));
  }

  /** Stores how the attempt went, on the entry and on the message's delivery status. */
  public void record(long id, SendResult result) {
    OutboxEntry entry = em.find(OutboxEntry.class, id);
    if (entry == null) {
      return;
    }
    Instant now = clock.instant();
    var message = entry.getMessage();
    if (result instanceof SendResult.Sent sent) {
      entry.sent(now);
      if (sent.externalId() != null) {
        message.recordExternalId(sent.externalId());
      }
      message.updateDelivery(DeliveryStatus.SENT, null);
    } else if (result instanceof SendResult.TryLater later) {
      if (!entry.retryLater(later.error(), now)) {
        message.updateDelivery(DeliveryStatus.FAILED, "Gave up after retries: " + later.error());
      }
    } else if (result instanceof SendResult.Refused refused) {
      entry.failed(refused.error());
      message.updateDelivery(DeliveryStatus.FAILED, refused.error());
    }
  }

  /** An entry claimed for one attempt, with what its sender needs. */
  public record Claimed<P>(long id, OutboundSender<P> sender, P payload) {}
}
