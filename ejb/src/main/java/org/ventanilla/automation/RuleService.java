package org.ventanilla.automation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import org.ventanilla.agent.Role;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.ticket.Ticket;

/** Admins write the rules; a dry-run lists the open tickets a rule would match now. */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class RuleService {

  private static final Logger LOG = Logger.getLogger(RuleService.class.getName());
  private static final int BATCH = 500;

  @Inject RuleRepository rules;
  @Inject RuleEngine engine;

  public List<JsonObject> list() {
    return rules.all().stream().map(Rule::view).toList();
  }

  public JsonObject get(long id) {
    return require(id).view();
  }

  public JsonObject create(JsonObject json) {
    RuleDefinition definition = RuleDefinition.parse(json);
    int position =
        json.containsKey("position") && json.get("position") instanceof jakarta.json.JsonNumber n
            ? n.intValue()
            : rules.nextPosition();
    Rule rule = new Rule(definition, position);
    rules.add(rule);
    LOG.info(() -> "Rule '" + definition.name() + "' added");
    return rule.view();
  }

  public JsonObject update(long id, JsonObject json) {
    Rule rule = require(id);
    rule.change(RuleDefinition.parse(json));
    if (json.get("position") instanceof jakarta.json.JsonNumber n) {
      rule.moveTo(n.intValue());
    }
    return rule.view();
  }

  public void delete(long id) {
    rules.remove(require(id));
  }

  /**
   * Moves a rule one place up ({@code -1}) or down ({@code 1}) in the order, renumbering every rule
   * 1..n so that equal positions left by the API get a definite order; at either end it stays.
   */
  public List<JsonObject> move(long id, int step) {
    List<Rule> ordered = new ArrayList<>(rules.all());
    int from = ordered.indexOf(require(id));
    int to = from + Integer.signum(step);
    if (to >= 0 && to < ordered.size()) {
      Collections.swap(ordered, from, to);
    }
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).moveTo(i + 1);
    }
    return ordered.stream().map(Rule::view).toList();
  }

  /**
   * The open tickets the rule's conditions match now, {@code size} from {@code page}: {@code
   * {"total":n,"tickets":[{"id","number","subject"}]}}. The database counts and pages what it can
   * say (see {@link RuleQuery}); when a condition needs Java (the latest message, business hours),
   * the tickets the database lets through are walked in batches and finished with the same code
   * that fires the rule.
   */
  public JsonObject dryRun(long id, int page, int size) {
    RuleQuery query = RuleQuery.of(require(id).definition());
    int from = Math.max(page, 0) * size;
    JsonArrayBuilder listed = Json.createArrayBuilder();
    if (query.databaseOnly()) {
      rules.openPage(query, from, size).forEach(t -> listed.add(row(t)));
      return Json.createObjectBuilder()
          .add("total", rules.countOpen(query))
          .add("tickets", listed)
          .build();
    }
    int total = 0;
    long after = 0;
    List<Ticket> batch;
    do {
      batch = rules.openAfter(query, after, BATCH);
      for (Ticket ticket : batch) {
        if (query.javaMatches(engine.facts(ticket))) {
          if (total >= from && total < from + size) {
            listed.add(row(ticket));
          }
          total++;
        }
        after = ticket.getId();
      }
    } while (batch.size() == BATCH);
    return Json.createObjectBuilder().add("total", total).add("tickets", listed).build();
  }

  private static JsonObjectBuilder row(Ticket ticket) {
    return Json.createObjectBuilder()
        .add("id", ticket.getId())
        .add("number", ticket.getNumber())
        .add("subject", ticket.getSubject());
  }

  private Rule require(long id) {
    return rules.find(id).orElseThrow(() -> new NotFoundException("Rule", id));
  }
}
