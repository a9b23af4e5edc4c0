package org.ventanilla.tag;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ventanilla.common.ConflictException;

/** Tags in the database. */
@ApplicationScoped
public class TagRepository {

  @PersistenceContext private EntityManager em;
  @EJB TagCreation creation;

  public Optional<Tag> find(long id) {
    return Optional.ofNullable(em.find(Tag.class, id));
  }

  public Optional<Tag> findByName(String name) {
    return em.createQuery("SELECT g FROM Tag g WHERE g.nameKey = :k", Tag.class)
        .setParameter("k", Tag.keyOf(name))
        .getResultStream()
        .findFirst();
  }

  public List<Tag> findByKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT g FROM Tag g WHERE g.nameKey IN :keys", Tag.class)
        .setParameter("keys", keys)
        .getResultList();
  }

  /** Every tag with its ticket count, counted by the database in one query. */
  public List<TagView> all() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT g.id, g.name, g.colour, COUNT(tt.ticket_id) FROM tag g"
                    + " LEFT JOIN ticket_tag tt ON tt.tag_id = g.id"
                    + " GROUP BY g.id, g.name, g.colour ORDER BY g.name")
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new TagView(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue()))
        .toList();
  }

  public long countTickets(Tag tag) {
    return em.createQuery("SELECT COUNT(t) FROM Ticket t JOIN t.tags g WHERE g = :g", Long.class)
        .setParameter("g", tag)
        .getSingleResult();
  }

  /**
   * The tag with this name, created in the default colour when nobody used the name yet. Safe when
   * another request creates the same name at the same moment: both get the one tag.
   */
  public Tag findOrCreate(String name, Instant now) {
    Optional<Tag> existing = findByName(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      return em.find(Tag.class, creation.create(name, null, now));
    } catch (ConflictException lostTheRace) {
      return findByName(name).orElseThrow(() -> lostTheRace);
    }
  }

  public void remove(Tag tag) {
    em.remove(tag);
  }

  public void flush() {
    em.flush();
  }
}
