package org.ventanilla.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ventanilla.common.ChannelType;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.SlaTerms;

/** The policies in the database; also what tickets ask for their terms. */
@ApplicationScoped
public class SlaPolicyRepository implements SlaTerms.Source {

  @PersistenceContext private EntityManager em;

  public List<SlaPolicy> findAll() {
    return em.createQuery(
            "SELECT p FROM SlaPolicy p ORDER BY p.priority, p.channel, p.id", SlaPolicy.class)
        .getResultList();
  }

  public Optional<SlaPolicy> find(long id) {
    return Optional.ofNullable(em.find(SlaPolicy.class, id));
  }

  /** The policy for exactly this scope (channel null: every channel). */
  public Optional<SlaPolicy> findByScope(Priority priority, ChannelType channel) {
    return em.createQuery("SELECT p FROM SlaPolicy p WHERE p.priority = :p", SlaPolicy.class)
        .setParameter("p", priority)
        .getResultStream()
        .filter(p -> p.getChannel() == channel)
        .findFirst();
  }

  /** The most specific policy: one for the priority and channel beats one for the priority. */
  public Optional<SlaPolicy> applicable(Priority priority, ChannelType channel) {
    return em.createQuery(
            "SELECT p FROM SlaPolicy p WHERE p.priority = :p"
                + " AND (p.channel IS NULL OR p.channel = :c)",
            SlaPolicy.class)
        .setParameter("p", priority)
        .setParameter("c", channel)
        .getResultStream()
        .min(Comparator.comparing((SlaPolicy p) -> p.getChannel() == null));
  }

  @Override
  public SlaTerms termsFor(Priority priority, ChannelType channel) {
    return applicable(priority, channel).map(SlaPolicy::terms).orElse(SlaTerms.NONE);
  }

  public SlaPolicy add(SlaPolicy policy) {
    em.persist(policy);
    em.flush();
    return policy;
  }

  public void remove(SlaPolicy policy) {
    em.remove(policy);
  }
}
