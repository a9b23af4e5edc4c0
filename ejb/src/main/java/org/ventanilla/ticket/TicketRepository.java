package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ventanilla.channel.ChannelType;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.customer.Customer;

/** Tickets, messages and events in the database; every list is paginated by the database. */
@ApplicationScoped
public class TicketRepository {

  @PersistenceContext private EntityManager em;
  @Inject SlaTerms.Source slaTerms;

  /** The next human ticket number (#1001, #1002...), from a database sequence. */
  public long nextNumber() {
    Object value = em.createNativeQuery("SELECT nextval('ticket_number_seq')").getSingleResult();
    return ((Number) value).longValue();
  }

  public Optional<Ticket> findByNumber(long number) {
    return em.createQuery("SELECT t FROM Ticket t WHERE t.number = :n", Ticket.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  /** The message a channel knows by this id (Message-ID, wamid), if we have it. */
  public Optional<Message> findMessage(ChannelType channel, String externalId) {
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.channel = :c AND m.externalId = :id", Message.class)
        .setParameter("c", channel)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst();
  }

  /** The most recent ticket holding any of these channel message ids. */
  public Optional<Ticket> findByMessageIds(ChannelType channel, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT m.ticket FROM Message m WHERE m.channel = :c AND m.externalId IN :ids"
                + " ORDER BY m.createdAt DESC, m.id DESC",
            Ticket.class)
        .setParameter("c", channel)
        .setParameter("ids", ids)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The channel ids of a ticket's messages on its channel, oldest first (References header). */
  public List<String> externalIdsOf(Ticket ticket, int limit) {
    List<String> newestFirst =
        new ArrayList<>(
            em.createQuery(
                    "SELECT m.externalId FROM Message m WHERE m.ticket = :t"
                        + " AND m.externalId IS NOT NULL AND m.kind = :kind"
                        + " ORDER BY m.createdAt DESC, m.id DESC",
                    String.class)
                .setParameter("t", ticket)
                .setParameter("kind", MessageKind.MESSAGE)
                .setMaxResults(limit)
                .getResultList());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The customer's latest message on the ticket: replies go back to its address. */
  public Optional<Message> lastInbound(Ticket ticket) {
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.ticket = :t AND m.direction = :in"
                + " ORDER BY m.createdAt DESC, m.id DESC",
            Message.class)
        .setParameter("t", ticket)
        .setParameter("in", MessageDirection.INBOUND)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<Ticket> find(long id) {
    return Optional.ofNullable(em.find(Ticket.class, id));
  }

  public void add(Ticket ticket) {
    em.persist(ticket);
    storeEvents(ticket);
  }

  public void add(Message message) {
    em.persist(message);
  }

  /**
   * Stores what the ticket recorded since it was loaded: the activity log is append-only. Every
   * change passes here, so this is also where a change that moved the SLA clocks gets its new due
   * times from the policy that applies now.
   */
  public void storeEvents(Ticket ticket) {
    if (ticket.isSlaStale()) {
      ticket.planSla(slaTerms.termsFor(ticket.getPriority(), ticket.getChannel()));
    }
    for (TicketEvent event : ticket.drainEvents()) {
      em.persist(event);
    }
  }

  /** Writes pending changes now, so that the version a caller sees is the committed one. */
  public void flush() {
    em.flush();
  }

  public List<Ticket> search(TicketFilter filter, PageRequest page) {
    TypedQuery<Ticket> query =
        em.createQuery(
            "SELECT t FROM Ticket t JOIN FETCH t.customer LEFT JOIN FETCH t.assignee"
                + where(filter)
                + " ORDER BY t.updatedAt DESC, t.id DESC",
            Ticket.class);
    bind(query, filter);
    return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  public long count(TicketFilter filter) {
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(t) FROM Ticket t" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  public List<Ticket> ofCustomer(Customer customer, int limit) {
    return em.createQuery(
            "SELECT t FROM Ticket t JOIN FETCH t.customer LEFT JOIN FETCH t.assignee"
                + " WHERE t.customer = :c ORDER BY t.createdAt DESC, t.id DESC",
            Ticket.class)
        .setParameter("c", customer)
        .setMaxResults(limit)
        .getResultList();
  }

  public List<Message> messagesOf(Ticket ticket) {
    return em.createQuery(
            "SELECT m FROM Message m LEFT JOIN FETCH m.agent WHERE m.ticket = :t"
                + " ORDER BY m.createdAt, m.id",
            Message.class)
        .setParameter("t", ticket)
        .setHint("eclipselink.batch", "m.attachments")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  public List<TicketEvent> eventsOf(Ticket ticket) {
    return em.createQuery(
            "SELECT e FROM TicketEvent e WHERE e.ticket = :t ORDER BY e.at, e.id",
            TicketEvent.class)
        .setParameter("t", ticket)
        .getResultList();
  }

  private static String where(TicketFilter f) {
    List<String> conditions = new ArrayList<>();
    if (f.statuses() != null) {
      conditions.add("t.status IN :statuses");
    }
    if (f.channel() != null) {
      conditions.add("t.channel = :channel");
    }
    if (f.unassigned()) {
      conditions.add("t.assignee IS NULL");
    } else if (f.assignee() != null) {
      conditions.add("t.assignee.username = :assignee");
    }
    if (f.priority() != null) {
      conditions.add("t.priority = :priority");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(TypedQuery<?> query, TicketFilter f) {
    if (f.statuses() != null) {
      query.setParameter("statuses", f.statuses());
    }
    if (f.channel() != null) {
      query.setParameter("channel", f.channel());
    }
    if (!f.unassigned() && f.assignee() != null) {
      query.setParameter("assignee", f.assignee());
    }
    if (f.priority() != null) {
      query.setParameter("priority", f.priority());
    }
  }
}
