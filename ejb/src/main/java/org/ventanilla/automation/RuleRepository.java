package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ventanilla.ticket.AuthorType;
import org.ventanilla.ticket.MessageDirection;
import org.ventanilla.ticket.MessageKind;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketStatus;

/** Rules, their firings and the open tickets a time rule waits on. */
@ApplicationScoped
public class RuleRepository {

  @PersistenceContext EntityManager em;

  /** A ticket and the instant its wait started (the claim's anchor). */
  public record Waiting(long ticketId, Instant since) {}

  public List<Rule> all() {
    return em.createQuery("SELECT r FROM Rule r ORDER BY r.position, r.id", Rule.class)
        .getResultList();
  }

  public List<Rule> active(RuleDefinition.Event event) {
    return em.createQuery(
            "SELECT r FROM Rule r WHERE r.active = TRUE AND r.event = :e ORDER BY r.position, r.id",
            Rule.class)
        .setParameter("e", event.name())
        .getResultList();
  }

  public Optional<Rule> find(long id) {
    return Optional.ofNullable(em.find(Rule.class, id));
  }

  public void add(Rule rule) {
    em.persist(rule);
  }

  public void remove(Rule rule) {
    em.remove(rule);
  }

  public int nextPosition() {
    Integer max =
        em.createQuery("SELECT MAX(r.position) FROM Rule r", Integer.class).getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** Open tickets from {@code afterId} on, for a dry-run walking them in batches. */
  public List<Ticket> openTickets(long afterId, int limit) {
    return em.createQuery(
            "SELECT t FROM Ticket t WHERE t.status <> :resolved AND t.id > :after ORDER BY t.id",
            Ticket.class)
        .setParameter("resolved", TicketStatus.RESOLVED)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Records a firing. With an anchor (a time rule) it is also the claim: false when this ticket's
   * wait from that instant was claimed already, by this server or another.
   */
  public boolean recordFiring(
      long ruleId, long ticketId, Instant now, boolean replied, String anchor) {
    if (anchor != null
        && !em.createNativeQuery(
                "SELECT id FROM rule_firing WHERE rule_id = ?1 AND ticket_id = ?2 AND anchor = ?3")
            .setParameter(1, ruleId)
            .setParameter(2, ticketId)
            .setParameter(3, anchor)
            .getResultList()
            .isEmpty()) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO rule_firing (rule_id, ticket_id, fired_at, replied, anchor)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, ruleId)
        .setParameter(2, ticketId)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, replied)
        .setParameter(5, anchor)
        .executeUpdate();
    return true;
  }

  public long firingsSince(long ruleId, Instant since) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM rule_firing WHERE rule_id = ?1 AND fired_at >= ?2")
                .setParameter(1, ruleId)
                .setParameter(2, Timestamp.from(since))
                .getSingleResult())
        .longValue();
  }

  public boolean repliedSince(long ruleId, long ticketId, Instant since) {
    return !em.createNativeQuery(
            "SELECT id FROM rule_firing WHERE rule_id = ?1 AND ticket_id = ?2 AND replied = TRUE"
                + " AND fired_at >= ?3")
        .setParameter(1, ruleId)
        .setParameter(2, ticketId)
        .setParameter(3, Timestamp.from(since))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Open tickets whose wait (since the given moment) began at or before {@code cutoff}. */
  public List<Waiting> waiting(RuleDefinition.Since since, Instant cutoff, int limit) {
    String jpql =
        switch (since) {
          case CREATED ->
              "SELECT t.id, t.createdAt FROM Ticket t WHERE t.status <> :resolved"
                  + " AND t.createdAt <= :cutoff ORDER BY t.id";
          case LAST_CUSTOMER_MESSAGE ->
              "SELECT t.id, t.lastInboundAt FROM Ticket t WHERE t.status <> :resolved"
                  + " AND t.lastInboundAt <= :cutoff ORDER BY t.id";
          // Waiting on the customer: the agent spoke last and the customer has not answered.
          case LAST_AGENT_MESSAGE ->
              "SELECT t.id, MAX(m.createdAt) FROM Message m JOIN m.ticket t"
                  + " WHERE t.status <> :resolved AND m.authorType = :agent"
                  + " AND m.direction = :out AND m.kind = :message"
                  + " GROUP BY t.id, t.lastInboundAt"
                  + " HAVING MAX(m.createdAt) <= :cutoff"
                  + " AND (t.lastInboundAt IS NULL OR MAX(m.createdAt) > t.lastInboundAt)"
                  + " ORDER BY t.id";
        };
    // Compared with an aggregate, the cutoff is bound without the mapping's conversion:
    // PostgreSQL's
    // driver cannot bind an Instant there, a Timestamp it can.
    boolean aggregate = since == RuleDefinition.Since.LAST_AGENT_MESSAGE;
    var query =
        em.createQuery(jpql, Object[].class)
            .setParameter("resolved", TicketStatus.RESOLVED)
            .setParameter("cutoff", aggregate ? Timestamp.from(cutoff) : cutoff);
    if (aggregate) {
      query
          .setParameter("agent", AuthorType.AGENT)
          .setParameter("out", MessageDirection.OUTBOUND)
          .setParameter("message", MessageKind.MESSAGE);
    }
    return query.setMaxResults(limit).getResultList().stream()
        .map(row -> new Waiting(((Number) row[0]).longValue(), instant(row[1])))
        .toList();
  }

  /**
   * An aggregate's timestamp comes back as the driver reads it, not always as the mapping's type.
   */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      return local.toInstant(java.time.ZoneOffset.UTC);
    }
    return (Instant) value;
  }
}
