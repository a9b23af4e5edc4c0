package org.ventanilla.automation;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ventanilla.agent.Agent;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.customer.CustomerContact;
import org.ventanilla.tag.Tag;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketStatus;

/**
 * A rule's conditions split for a dry-run: what the database can say becomes a Criteria predicate
 * on the open tickets (counted and paged there); only what SQL cannot say (the latest customer
 * message's text, business hours, a channel id "contains") is left to {@link
 * RuleDefinition.Condition#matches} in Java. Each translation keeps the Java semantics: lower-case
 * text, "contains" as a substring, a missing value read as the empty word.
 */
final class RuleQuery {

  private final RuleDefinition definition;
  private final List<RuleDefinition.Condition> inDatabase;
  private final List<RuleDefinition.Condition> inJava;

  private RuleQuery(
      RuleDefinition definition,
      List<RuleDefinition.Condition> inDatabase,
      List<RuleDefinition.Condition> inJava) {
    this.definition = definition;
    this.inDatabase = inDatabase;
    this.inJava = inJava;
  }

  static RuleQuery of(RuleDefinition definition) {
    List<RuleDefinition.Condition> sql = new ArrayList<>();
    List<RuleDefinition.Condition> java = new ArrayList<>();
    for (RuleDefinition.Condition c : definition.conditions()) {
      (translatable(c) ? sql : java).add(c);
    }
    if (!definition.matchAll() && !java.isEmpty()) {
      // "any" with one condition SQL cannot say: the database cannot narrow the tickets down.
      return new RuleQuery(definition, List.of(), definition.conditions());
    }
    return new RuleQuery(definition, List.copyOf(sql), List.copyOf(java));
  }

  /** Whether the database answers alone, so that it can count and page. */
  boolean databaseOnly() {
    return inJava.isEmpty();
  }

  /** The conditions left to Java, checked on a ticket the predicate let through. */
  boolean javaMatches(TicketFacts facts) {
    if (inJava.isEmpty()) {
      return true;
    }
    return definition.matchAll()
        ? inJava.stream().allMatch(c -> c.matches(facts))
        : inJava.stream().anyMatch(c -> c.matches(facts));
  }

  private static boolean translatable(RuleDefinition.Condition c) {
    return switch (c.field()) {
      case BODY, BUSINESS_HOURS -> false;
      case CHANNEL_ID -> c.op() != RuleDefinition.Op.CONTAINS;
      default -> true;
    };
  }

  /** The database's part, on top of the ticket being open. */
  Predicate where(CriteriaBuilder cb, AbstractQuery<?> query, Root<Ticket> ticket) {
    Predicate open = cb.notEqual(ticket.get("status"), TicketStatus.RESOLVED);
    if (inDatabase.isEmpty()) {
      return open;
    }
    Translation t = new Translation(cb, query, ticket);
    Predicate[] each = inDatabase.stream().map(t::condition).toArray(Predicate[]::new);
    return cb.and(open, definition.matchAll() ? cb.and(each) : cb.or(each));
  }

  /** One query's translation: the joins and subqueries belong to the query being built. */
  private record Translation(CriteriaBuilder cb, AbstractQuery<?> query, Root<Ticket> ticket) {

    Predicate condition(RuleDefinition.Condition c) {
      return switch (c.field()) {
        case SUBJECT -> text(cb.lower(ticket.get("subject")), c);
        case CHANNEL -> oneOf(ticket.get("channel"), ChannelType.values(), c);
        case PRIORITY -> oneOf(ticket.get("priority"), Priority.values(), c);
        case STATUS -> oneOf(ticket.get("status"), TicketStatus.values(), c);
        case ASSIGNEE -> assignee(c);
        case TAG -> negatedIfNot(c, cb.exists(tagged(c)));
        case CUSTOMER -> negatedIfNot(c, customer(c));
        case CHANNEL_ID -> number(ticket.<Long>get("sourceId"), c, Long::valueOf);
        case CSAT_SCORE -> number(ticket.<Integer>get("csatScore"), c, Integer::valueOf);
        case BODY, BUSINESS_HOURS -> throw new IllegalStateException(c.field().name());
      };
    }

    /** A text that is never null: contains/in (any word in it), not_in, is, is_not. */
    private Predicate text(Expression<String> lower, RuleDefinition.Condition c) {
      return switch (c.op()) {
        case CONTAINS, IN -> anyLike(lower, c.values());
        case NOT_IN -> cb.not(anyLike(lower, c.values()));
        case IS -> lower.in(c.values());
        case IS_NOT -> cb.not(lower.in(c.values()));
        case LT, LTE, GT, GTE -> cb.disjunction(); // refused by parse, false in Java
      };
    }

    /** Set matching: one of the values matches the word (contains: lies within it). */
    private Predicate word(Expression<String> lower, RuleDefinition.Condition c) {
      return c.op() == RuleDefinition.Op.CONTAINS
          ? anyLike(lower, c.values())
          : lower.in(c.values());
    }

    /** An enum: the constants the condition matches are worked out in Java, the same code. */
    private <E extends Enum<E>> Predicate oneOf(Path<E> path, E[] all, RuleDefinition.Condition c) {
      List<E> matching = Arrays.stream(all).filter(e -> c.one(Enums.json(e))).toList();
      return matching.isEmpty() ? cb.disjunction() : path.in(matching);
    }

    /** The assignee's username, matched as one word (in = is); nobody reads as the empty word. */
    private Predicate assignee(RuleDefinition.Condition c) {
      Join<Ticket, Agent> agent = ticket.join("assignee", JoinType.LEFT);
      Expression<String> lower = cb.lower(agent.get("username"));
      Predicate named =
          switch (c.op()) {
            case IS, IN -> lower.in(c.values());
            case IS_NOT, NOT_IN -> cb.not(lower.in(c.values()));
            case CONTAINS -> anyLike(lower, c.values());
            case LT, LTE, GT, GTE -> cb.disjunction(); // refused by parse, false in Java
          };
      // Nobody is the left join's missing row (a null test on ticket.assignee listed no one).
      return orNull(agent.get("id"), c, cb.and(cb.isNotNull(agent.get("id")), named));
    }

    /** Some tag of the ticket matches (tag names lower-case as in Java). */
    private Subquery<Long> tagged(RuleDefinition.Condition c) {
      Subquery<Long> sub = query.subquery(Long.class);
      Root<Ticket> same = sub.from(Ticket.class);
      Join<Ticket, Tag> tag = same.join("tags");
      return sub.select(same.get("id"))
          .where(cb.equal(same, ticket), word(cb.lower(tag.get("name")), c));
    }

    /** The customer's name or one of their addresses matches. */
    private Predicate customer(RuleDefinition.Condition c) {
      Subquery<Long> sub = query.subquery(Long.class);
      Root<CustomerContact> contact = sub.from(CustomerContact.class);
      sub.select(contact.get("id"))
          .where(
              cb.equal(contact.get("customer"), ticket.get("customer")),
              word(cb.lower(contact.get("value")), c));
      return cb.or(word(cb.lower(ticket.get("customer").get("name")), c), cb.exists(sub));
    }

    private Predicate negatedIfNot(RuleDefinition.Condition c, Predicate any) {
      return c.op() == RuleDefinition.Op.IS_NOT || c.op() == RuleDefinition.Op.NOT_IN
          ? cb.not(any)
          : any;
    }

    /**
     * A nullable number: compared (lt/lte/gt/gte, never matching null), or is/in as words, where
     * "7" names 7 but "07" names nothing, as the Java string comparison has it.
     */
    private <N extends Number & Comparable<N>> Predicate number(
        Path<N> path, RuleDefinition.Condition c, Function<String, N> parse) {
      if (c.op().numeric()) {
        N bound = parse.apply(String.valueOf(c.bound()));
        Predicate compared =
            switch (c.op()) {
              case LT -> cb.lessThan(path, bound);
              case LTE -> cb.lessThanOrEqualTo(path, bound);
              case GT -> cb.greaterThan(path, bound);
              default -> cb.greaterThanOrEqualTo(path, bound);
            };
        return cb.and(cb.isNotNull(path), compared);
      }
      List<N> named = new ArrayList<>();
      for (String v : c.values()) {
        try {
          N n = parse.apply(v);
          if (n.toString().equals(v)) {
            named.add(n);
          }
        } catch (NumberFormatException notANumber) {
          // names no number: matches nothing
        }
      }
      Predicate in = named.isEmpty() ? cb.disjunction() : path.in(named);
      boolean positive = c.op() == RuleDefinition.Op.IS || c.op() == RuleDefinition.Op.IN;
      return orNull(path, c, cb.and(cb.isNotNull(path), positive ? in : cb.not(in)));
    }

    /** Adds the tickets where the value is missing, when the empty word matches (as in Java). */
    private Predicate orNull(Expression<?> value, RuleDefinition.Condition c, Predicate present) {
      return c.one("") ? cb.or(cb.isNull(value), present) : present;
    }

    private Predicate anyLike(Expression<String> lower, List<String> words) {
      return cb.or(words.stream().map(w -> like(lower, w)).toArray(Predicate[]::new));
    }

    private Predicate like(Expression<String> lower, String word) {
      if (word.isEmpty()) {
        return cb.conjunction();
      }
      String escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      return cb.like(lower, "%" + escaped + "%", '\\');
    }
  }
}
