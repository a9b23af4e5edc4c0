package org.ventanilla.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Agents and their credentials in the database. */
@ApplicationScoped
public class AgentRepository {

  @PersistenceContext private EntityManager em;

  public Optional<Agent> findByUsername(String username) {
    return em.createQuery("SELECT a FROM Agent a WHERE a.username = :u", Agent.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  public List<Agent> findAll() {
    return em.createQuery("SELECT a FROM Agent a ORDER BY a.displayName, a.id", Agent.class)
        .getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(a) FROM Agent a", Long.class).getSingleResult();
  }

  public Agent add(Agent agent) {
    em.persist(agent);
    em.flush();
    return agent;
  }

  public void setPassword(Agent agent, String hash, java.time.Instant now) {
    AgentCredential existing = em.find(AgentCredential.class, agent.getId());
    if (existing == null) {
      em.persist(new AgentCredential(agent.getId(), hash, now));
    } else {
      existing.replace(hash, now);
    }
  }
}
