package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
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

  /** How many open tickets the database's part of a rule's conditions lets through. */
  public long countOpen(RuleQuery rule) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> q = cb.createQuery(Long.class);
    Root<Ticket> t = q.from(Ticket.class);
    return em.createQuery(q.select(cb.count(t)).where(rule.where(cb, q, t))).getSingleResult();
  }

  /** The open tickets the database's part lets through, by id, {@code max} from {@code first}. */
  public List<Ticket> openPage(RuleQuery rule, int first, int max) {
    return em.createQuery(openQuery(rule, 0))
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** The same, from {@code afterId} on, for the rules Java must finish checking. */
  public List<Ticket> openAfter(RuleQuery rule, long afterId, int limit) {
    return em.createQuery(openQuery(rule, afterId)).setMaxResults(limit).getResultList();
  }

  private CriteriaQuery<Ticket> openQuery(RuleQuery rule, long afterId) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Ticket> q = cb.createQuery(Ticket.class);
    Root<Ticket> t = q.from(Ticket.class);
    return q.select(t)
        .where(rule.where(cb, q, t), cb.greaterThan(t.<Long>get("id"), afterId))
        .orderBy(cb.asc(t.get("id")));
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
  @SuppressWarnings("unchecked")
  public List<Waiting> waiting(RuleDefinition.Since since, Instant cutoff, int limit) {
    if (since == RuleDefinition.Since.LAST_AGENT_MESSAGE) {
      // Waiting on the customer: the agent spoke last and the customer has not answered. In SQL:
      // in JPQL the Instant converter is applied to MAX(...) too, which the driver returns as its
      // own timestamp type, and the cutoff beside an aggregate is bound unconverted.
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT t.id, MAX(m.created_at) FROM message m JOIN ticket t ON t.id = m.ticket_id"
                      + " WHERE t.status <> ?1 AND m.author_type = ?2 AND m.direction = ?3"
                      + " AND m.kind = ?4"
                      + " GROUP BY t.id, t.last_inbound_at"
                      + " HAVING MAX(m.created_at) <= ?5"
                      + " AND (t.last_inbound_at IS NULL OR MAX(m.created_at) > t.last_inbound_at)"
                      + " ORDER BY t.id")
              .setParameter(1, TicketStatus.RESOLVED.name())
              .setParameter(2, AuthorType.AGENT.name())
              .setParameter(3, MessageDirection.OUTBOUND.name())
              .setParameter(4, MessageKind.MESSAGE.name())
              .setParameter(5, Timestamp.from(cutoff))
              .setMaxResults(limit)
              .getResultList();
      return rows.stream()
          .map(row -> new Waiting(((Number) row[0]).longValue(), instant(row[1])))
          .toList();
    }
    String jpql =
        since == RuleDefinition.Since.CREATED
            ? "SELECT t.id, t.createdAt FROM Ticket t WHERE t.status <> :resolved"
                + " AND t.createdAt <= :cutoff ORDER BY t.id"
            : "SELECT t.id, t.lastInboundAt FROM Ticket t WHERE t.status <> :resolved"
                + " AND t.lastInboundAt <= :cutoff ORDER BY t.id";
    return em
        .createQuery(jpql, Object[].class)
        .setParameter("resolved", TicketStatus.RESOLVED)
        .setParameter("cutoff", cutoff)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(row -> new Waiting(((Number) row[0]).longValue(), (Instant) row[1]))
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
