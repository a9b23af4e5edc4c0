package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.channel.Outbox;
import org.ventanilla.common.ChannelType;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.ReplyChannel;
import org.ventanilla.ticket.Ticket;

/**
 * Mail takes any reply at any time and has no templates (the port's defaults); it leaves through
 * the mailbox's outbox.
 */
@ApplicationScoped
public class EmailReplies implements ReplyChannel {

  @Inject Outbox outbox;
  @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager em;

  /** Every mailbox's address, normalized as addresses are stored. */
  @Override
  public java.util.Set<String> ownAddresses() {
    return new java.util.HashSet<>(
        em.createQuery("SELECT LOWER(c.address) FROM EmailChannel c", String.class)
            .getResultList());
  }

  @Override
  public ChannelType kind() {
    return ChannelType.EMAIL;
  }

  @Override
  public void send(Ticket ticket, Message reply, Instant now) {
    outbox.enqueueThrough(reply, ticket.getSourceId(), now);
  }
}
