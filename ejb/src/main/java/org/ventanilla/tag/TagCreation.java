package org.ventanilla.tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ConflictException;

/**
 * Inserts a new tag in a transaction of its own and commits it at once. Two requests adding the
 * same new name at the same moment then meet on the unique name key: the database makes the second
 * insert wait for the first and refuses it once the first commits. The loser gets {@code
 * duplicate_tag} with only this small transaction rolled back, and can read the winner's tag.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TagCreation {

  /** SQLSTATE unique_violation, on PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  @PersistenceContext EntityManager em;

  /** The new tag's id; {@code duplicate_tag} when that name exists (committed meanwhile). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long create(String name, String colour, Instant now) {
    Tag tag = new Tag(name, colour, now);
    try {
      em.persist(tag);
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException("duplicate_tag", "A tag named " + name + " exists already");
      }
      throw e;
    }
    return tag.getId();
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
