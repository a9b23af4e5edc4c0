package org.ventanilla.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.ventanilla.ticket.Message;

/**
 * Queues a reply for delivery in the caller's transaction, and wakes the sender once it commits.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext private EntityManager em;
  @Inject Event<Queued> queued;
  @Inject OutboxKicker kicker;

  public OutboxEntry enqueue(Message message, Channel channel, Instant now) {
    OutboxEntry entry = new OutboxEntry(message, channel, now);
    em.persist(entry);
    queued.fire(new Queued());
    return entry;
  }

  /**
   * Queues a reply through the channel a ticket runs through, when that channel still exists and is
   * switched on; otherwise the reply stays stored and queued on the ticket only.
   */
  public void enqueueThrough(Message message, Long channelId, Instant now) {
    Channel channel = channelId == null ? null : em.find(Channel.class, channelId);
    if (channel != null && channel.isActive()) {
      enqueue(message, channel, now);
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued event) {
    kicker.kick();
  }

  /** A reply was queued. */
  public record Queued() {}
}
