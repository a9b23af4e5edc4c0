package org.ventanilla.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ventanilla.automation.RuleService;
import org.ventanilla.web.faces.Feedback;

/**
 * The admin's rules page: the list in order, one rule edited as its when / if / then JSON (the
 * API's shape, so what the page saves is what integrations send), and a dry-run listing the open
 * tickets it would match now. The service validates and checks the role; this bean shows its
 * answer.
 */
@Named
@ViewScoped
public class RuleAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String TEMPLATE =
      """
      {
        "name": "",
        "active": true,
        "when": {"event": "ticket_created"},
        "match": "all",
        "if": [{"field": "subject", "op": "contains", "value": "factura"}],
        "then": [{"action": "add_tag", "value": "billing"}]
      }""";

  /** One line of the list. */
  public record Row(
      long id, int position, String name, String event, boolean active, String pausedReason)
      implements Serializable {}

  /** One ticket of a dry-run's answer. */
  public record Match(long id, long number, String subject) implements Serializable {}

  @Inject RuleService service;

  private List<Row> rules = List.of();
  private Long editing;
  private String definition = TEMPLATE;
  private Long dryRunTotal;
  private List<Match> matches = List.of();

  /** f:viewAction, and after every change. */
  public void load() {
    List<Row> rows = new ArrayList<>();
    for (JsonObject rule : service.list()) {
      rows.add(
          new Row(
              rule.getJsonNumber("id").longValue(),
              rule.getInt("position", 0),
              rule.getString("name", ""),
              rule.getJsonObject("when").getString("event", ""),
              rule.getBoolean("active", true),
              rule.isNull("pausedReason") ? null : rule.getString("pausedReason")));
    }
    rules = rows;
  }

  public void startNew() {
    editing = null;
    definition = TEMPLATE;
    clearDryRun();
  }

  public void edit(long id) {
    Feedback.call(() -> service.get(id))
        .ifPresent(
            rule -> {
              editing = id;
              definition = pretty(withoutReadOnly(rule));
              clearDryRun();
            });
  }

  public void save() {
    JsonObject json = parse();
    if (json == null) {
      return;
    }
    Long id = editing;
    Feedback.call(() -> id == null ? service.create(json) : service.update(id, json))
        .ifPresent(
            saved -> {
              editing = saved.getJsonNumber("id").longValue();
              definition = pretty(withoutReadOnly(saved));
              Feedback.info("admin.saved");
              load();
            });
  }

  public void delete(long id) {
    if (Feedback.run(() -> service.delete(id))) {
      if (Long.valueOf(id).equals(editing)) {
        startNew();
      }
      Feedback.info("rules.deleted");
      load();
    }
  }

  /** The open tickets the saved rule matches now (save first: the dry-run reads the stored one). */
  public void dryRun() {
    if (editing == null) {
      Feedback.warn("rules.saveFirst");
      return;
    }
    Long id = editing;
    Feedback.call(() -> service.dryRun(id, 0, 50))
        .ifPresent(
            answer -> {
              dryRunTotal = answer.getJsonNumber("total").longValue();
              List<Match> found = new ArrayList<>();
              for (JsonValue v : answer.getJsonArray("tickets")) {
                JsonObject t = v.asJsonObject();
                found.add(
                    new Match(
                        t.getJsonNumber("id").longValue(),
                        t.getJsonNumber("number").longValue(),
                        t.getString("subject", "")));
              }
              matches = found;
            });
  }

  private JsonObject parse() {
    try (var reader = Json.createReader(new StringReader(definition == null ? "" : definition))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      Feedback.errorKey("rules.badJson");
      return null;
    }
  }

  private void clearDryRun() {
    dryRunTotal = null;
    matches = List.of();
  }

  private static JsonObject withoutReadOnly(JsonObject rule) {
    JsonObjectBuilder b = Json.createObjectBuilder(rule);
    b.remove("id");
    b.remove("pausedReason");
    return b.build();
  }

  private static String pretty(JsonObject json) {
    JsonWriterFactory factory =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    StringWriter out = new StringWriter();
    try (var writer = factory.createWriter(out)) {
      writer.writeObject(json);
    }
    return out.toString().strip();
  }

  public List<Row> getRules() {
    return rules;
  }

  public Long getEditing() {
    return editing;
  }

  public String getDefinition() {
    return definition;
  }

  public void setDefinition(String definition) {
    this.definition = definition;
  }

  public Long getDryRunTotal() {
    return dryRunTotal;
  }

  public List<Match> getMatches() {
    return matches;
  }
}
