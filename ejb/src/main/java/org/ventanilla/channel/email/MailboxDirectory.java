package org.ventanilla.channel.email;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Which mailboxes to poll, and how often. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailboxDirectory {

  @PersistenceContext private EntityManager em;

  /** A mailbox's polling interval. */
  public record Schedule(long channelId, int pollSeconds) {}

  public List<Schedule> active() {
    return em.createQuery(
            "SELECT c FROM EmailChannel c WHERE c.active = TRUE AND c.deletedAt IS NULL",
            EmailChannel.class)
        .getResultStream()
        .map(c -> new Schedule(c.getId(), c.getPollSeconds()))
        .toList();
  }

  public Optional<Schedule> schedule(long channelId) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel == null || !channel.isActive() || channel.isDeleted()) {
      return Optional.empty();
    }
    return Optional.of(new Schedule(channelId, channel.getPollSeconds()));
  }
}
