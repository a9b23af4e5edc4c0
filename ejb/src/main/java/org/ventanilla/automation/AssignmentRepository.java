package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ventanilla.agent.Agent;

/** The assignment settings row, the agents' turns and the tickets waiting for someone online. */
@ApplicationScoped
public class AssignmentRepository {

  private static final String OPEN_COUNT =
      "(SELECT COUNT(*) FROM ticket k WHERE k.assignee_id = a.id AND k.status <> 'RESOLVED')";

  @PersistenceContext EntityManager em;

  public AssignmentSetting settings() {
    return em.find(AssignmentSetting.class, AssignmentSetting.ID);
  }

  /** Whether assignment is on, read without a lock: most servers' tickets need no turn. */
  public boolean isOff() {
    Object mode =
        em.createNativeQuery("SELECT mode FROM assignment_setting WHERE id = 1").getSingleResult();
    return AssignmentMode.OFF.name().equals(mode);
  }

  /** Writes the hand-out now, so the next pick in the same transaction counts it. */
  public void flush() {
    em.flush();
  }

  /** The settings row, locked until the transaction ends: one hand-out at a time, any server. */
  public AssignmentSetting lockSettings() {
    return em.find(AssignmentSetting.class, AssignmentSetting.ID, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The online, active agent whose turn it is: in round robin the one whose last turn is oldest; in
   * balanced the one holding the fewest open tickets (the oldest turn breaking ties). Agents at
   * capacity are skipped.
   */
  public Optional<Agent> nextAgent(AssignmentMode mode, Integer capacity) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id FROM agent a LEFT JOIN assignment_turn t ON t.agent_id = a.id"
                + " WHERE a.active = TRUE AND a.availability = 'ONLINE'");
    if (capacity != null) {
      sql.append(" AND ").append(OPEN_COUNT).append(" < ").append(capacity.intValue());
    }
    sql.append(" ORDER BY ");
    if (mode == AssignmentMode.BALANCED) {
      sql.append(OPEN_COUNT).append(", ");
    }
    sql.append("COALESCE(t.turn, 0), a.id");
    List<?> ids = em.createNativeQuery(sql.toString()).setMaxResults(1).getResultList();
    return ids.stream().findFirst().map(id -> em.find(Agent.class, ((Number) id).longValue()));
  }

  public void recordTurn(Agent agent, long turn) {
    int updated =
        em.createNativeQuery("UPDATE assignment_turn SET turn = ?1 WHERE agent_id = ?2")
            .setParameter(1, turn)
            .setParameter(2, agent.getId())
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("INSERT INTO assignment_turn (agent_id, turn) VALUES (?1, ?2)")
          .setParameter(1, agent.getId())
          .setParameter(2, turn)
          .executeUpdate();
    }
  }

  /** Called under the settings lock, so nobody queues the same ticket in between. */
  public void queue(long ticketId, Instant now) {
    boolean queued =
        !em.createNativeQuery("SELECT ticket_id FROM assignment_pending WHERE ticket_id = ?1")
            .setParameter(1, ticketId)
            .getResultList()
            .isEmpty();
    if (!queued) {
      em.createNativeQuery("INSERT INTO assignment_pending (ticket_id, queued_at) VALUES (?1, ?2)")
          .setParameter(1, ticketId)
          .setParameter(2, java.sql.Timestamp.from(now))
          .executeUpdate();
    }
  }

  /** The tickets waiting for someone, oldest first. */
  public List<Long> pending(int limit) {
    return em
        .createNativeQuery("SELECT ticket_id FROM assignment_pending ORDER BY queued_at, ticket_id")
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  public void dequeue(long ticketId) {
    em.createNativeQuery("DELETE FROM assignment_pending WHERE ticket_id = ?1")
        .setParameter(1, ticketId)
        .executeUpdate();
  }
}
