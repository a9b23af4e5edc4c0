package org.ventanilla.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Channels of every type in the database. */
@ApplicationScoped
public class ChannelRepository {

  @PersistenceContext private EntityManager em;

  public Optional<Channel> find(long id) {
    return Optional.ofNullable(em.find(Channel.class, id));
  }

  public <C extends Channel> Optional<C> find(long id, Class<C> type) {
    return Optional.ofNullable(em.find(type, id));
  }

  public List<Channel> findAll() {
    return em.createQuery(
            "SELECT c FROM Channel c WHERE c.deletedAt IS NULL ORDER BY c.name, c.id",
            Channel.class)
        .getResultList();
  }

  public <C extends Channel> List<C> findActive(Class<C> type) {
    return em.createQuery(
            "SELECT c FROM " + type.getSimpleName() + " c WHERE c.active = TRUE ORDER BY c.id",
            type)
        .getResultList();
  }

  public <C extends Channel> C add(C channel) {
    em.persist(channel);
    em.flush();
    return channel;
  }

  /** Re-reads the row and locks it for this transaction (health updates from several servers). */
  public <C extends Channel> C lock(C channel) {
    em.lock(channel, LockModeType.PESSIMISTIC_WRITE);
    return channel;
  }

  /**
   * Counts messages received and records the check as a success, in one statement run after this
   * transaction's other writes: concurrent filers then take the channel row last and only until
   * they commit, and no version bump makes one filer's batch fail on another's (the counters are no
   * admin's edit to protect).
   */
  public void recordReceived(long channelId, int received, Instant at) {
    em.flush();
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    em.createNativeQuery(
            "UPDATE channel SET received_count = received_count + ?, last_checked_at = ?,"
                + " last_success_at = ?, consecutive_failures = 0 WHERE id = ?")
        .setParameter(1, received)
        .setParameter(2, when)
        .setParameter(3, when)
        .setParameter(4, channelId)
        .executeUpdate();
  }

  public long ticketCount(Channel channel) {
    return em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.sourceId = :c", Long.class)
        .setParameter("c", channel.getId())
        .getSingleResult();
  }
}
