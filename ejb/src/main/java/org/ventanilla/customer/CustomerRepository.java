package org.ventanilla.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.common.Page.PageRequest;

/** Customers and their contacts in the database. */
@ApplicationScoped
public class CustomerRepository {

  @PersistenceContext private EntityManager em;

  public Optional<Customer> find(long id) {
    return Optional.ofNullable(em.find(Customer.class, id));
  }

  public Optional<Customer> findByContact(ContactType type, String normalizedValue) {
    return em.createQuery(
            "SELECT c.customer FROM CustomerContact c WHERE c.type = :t AND c.value = :v",
            Customer.class)
        .setParameter("t", type)
        .setParameter("v", normalizedValue)
        .getResultStream()
        .findFirst();
  }

  /** The customers these contacts belong to, by contact value: one query for a whole batch. */
  public Map<String, Customer> findByContacts(
      ContactType type, Collection<String> normalizedValues) {
    Map<String, Customer> found = new HashMap<>();
    if (normalizedValues.isEmpty()) {
      return found;
    }
    em.createQuery(
            "SELECT c.value, c.customer FROM CustomerContact c WHERE c.type = :t AND c.value IN :vs",
            Object[].class)
        .setParameter("t", type)
        .setParameter("vs", List.copyOf(normalizedValues))
        .getResultList()
        .forEach(row -> found.put((String) row[0], (Customer) row[1]));
    return found;
  }

  /**
   * Gives all of {@code source}'s contacts to {@code target} and deletes {@code source}; its
   * tickets must have been moved already.
   */
  public void mergeInto(Customer source, Customer target) {
    em.flush();
    em.createQuery("UPDATE CustomerContact c SET c.customer = :target WHERE c.customer = :source")
        .setParameter("target", target)
        .setParameter("source", source)
        .executeUpdate();
    // Reloaded, the source has no contacts left for the cascade to delete.
    em.refresh(source);
    em.refresh(target);
    em.remove(source);
  }

  public Customer add(Customer customer) {
    em.persist(customer);
    return customer;
  }

  /** Name or any contact contains the text, case-insensitively; newest customers first. */
  public List<Customer> search(String text, PageRequest page) {
    return em.createQuery(
            "SELECT DISTINCT c FROM Customer c LEFT JOIN c.contacts k"
                + " WHERE :q IS NULL OR LOWER(c.name) LIKE :q OR LOWER(k.value) LIKE :q"
                + " ORDER BY c.id DESC",
            Customer.class)
        .setParameter("q", pattern(text))
        .setHint("eclipselink.batch", "c.contacts")
        .setHint("eclipselink.batch.type", "IN")
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  public long count(String text) {
    return em.createQuery(
            "SELECT COUNT(DISTINCT c) FROM Customer c LEFT JOIN c.contacts k"
                + " WHERE :q IS NULL OR LOWER(c.name) LIKE :q OR LOWER(k.value) LIKE :q",
            Long.class)
        .setParameter("q", pattern(text))
        .getSingleResult();
  }

  private static String pattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
