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

  /** A mailbox's polling interval, and whether it may keep an IDLE connection. */
  public record Schedule(long channelId, int pollSeconds, boolean idle) {}

  public List<Schedule> active() {
    return em.createQuery(
            "SELECT c FROM EmailChannel c WHERE c.active = TRUE AND c.deletedAt IS NULL",
            EmailChannel.class)
        .getResultStream()
        .map(c -> new Schedule(c.getId(), c.getPollSeconds(), c.wantsIdle()))
        .toList();
  }

  /**
   * Lets go of the poll locks whose owner starts with {@code ownerPrefix}: polls of this server's
   * previous run, which died with it.
   *
   * @return how many mailboxes were held
   */
  public int releasePollLocks(String ownerPrefix) {
    return em.createQuery(
            "UPDATE EmailChannel c SET c.pollLockOwner = NULL, c.pollLockUntil = NULL"
                + " WHERE LOCATE(:prefix, c.pollLockOwner) = 1")
        .setParameter("prefix", ownerPrefix)
        .executeUpdate();
  }

  public Optional<Schedule> schedule(long channelId) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel == null || !channel.isActive() || channel.isDeleted()) {
      return Optional.empty();
    }
    return Optional.of(new Schedule(channelId, channel.getPollSeconds(), channel.wantsIdle()));
  }
}
