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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.ventanilla.agent.AgentService;
import org.ventanilla.automation.RuleService;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.template.CannedResponseService;
import org.ventanilla.web.faces.Feedback;

/**
 * Editing one rule as when / if / then rows (or, for power users, as the API's JSON), saving it
 * through the service the API uses, its refusals shown at the part of the form they name, and a
 * dry-run: how many open tickets the saved rule matches now, and the first of them.
 */
@Named
@ViewScoped
public class RuleEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int FIRST_MATCHES = 10;

  /** An entry of a select: what is stored and what is shown. */
  public record Option(String value, String label) implements Serializable {}

  /** One ticket of a dry-run's answer. */
  public record Match(long id, long number, String subject) implements Serializable {}

  @Inject RuleService service;
  @Inject AgentService agentService;
  @Inject CannedResponseService cannedResponses;
  @Inject RuleList list;

  private Long editing;
  private RuleForm form = RuleForm.blank();
  private boolean advanced;
  private String definition;
  private final Map<String, String> errors = new HashMap<>();
  private List<Option> agents = List.of();
  private List<Option> canned = List.of();
  private Long dryRunTotal;
  private List<Match> matches = List.of();

  /** f:viewAction: what the selects offer. */
  public void load() {
    agents =
        agentService.list().stream()
            .filter(a -> a.active())
            .map(a -> new Option(a.username(), a.displayName() + " (" + a.username() + ")"))
            .toList();
    canned =
        cannedResponses.available().stream()
            .map(c -> new Option(String.valueOf(c.id()), c.name()))
            .toList();
  }

  public void startNew() {
    editing = null;
    form = RuleForm.blank();
    advanced = false;
    reset();
  }

  public void edit(long id) {
    Feedback.call(() -> service.get(id))
        .ifPresent(
            rule -> {
              editing = id;
              form = RuleForm.of(rule);
              definition = pretty(rule);
              reset();
            });
  }

  public void save() {
    errors.clear();
    Optional<JsonObject> json = advanced ? parse() : rows();
    if (json.isEmpty()) {
      Feedback.errorKey("rules.fixErrors");
      return;
    }
    Long id = editing;
    Feedback.call(() -> submit(id, json.get()))
        .flatMap(saved -> saved)
        .ifPresent(
            saved -> {
              editing = saved.getJsonNumber("id").longValue();
              form = RuleForm.of(saved);
              definition = pretty(saved);
              clearDryRun();
              Feedback.info("admin.saved");
              list.load();
            });
  }

  /** The service's refusal of the rule goes to the part of the form it names. */
  private Optional<JsonObject> submit(Long id, JsonObject json) {
    try {
      return Optional.of(id == null ? service.create(json) : service.update(id, json));
    } catch (InvalidInputException refused) {
      errors.put(advanced ? "json" : RuleForm.partOf(refused.getMessage()), refused.getMessage());
      Feedback.errorKey("rules.fixErrors");
      return Optional.empty();
    }
  }

  /** The open tickets the saved rule matches now (the dry-run reads the stored rule). */
  public void dryRun() {
    if (editing == null) {
      Feedback.warn("rules.saveFirst");
      return;
    }
    Long id = editing;
    Feedback.call(() -> service.dryRun(id, 0, FIRST_MATCHES))
        .ifPresent(
            answer -> {
              dryRunTotal = answer.getJsonNumber("total").longValue();
              matches =
                  answer.getJsonArray("tickets").stream()
                      .map(JsonValue::asJsonObject)
                      .map(
                          t ->
                              new Match(
                                  t.getJsonNumber("id").longValue(),
                                  t.getJsonNumber("number").longValue(),
                                  t.getString("subject", "")))
                      .toList();
            });
  }

  /** From the rows to the JSON text, for what the rows cannot say. */
  public void showAdvanced() {
    definition = pretty(form.toJson());
    advanced = true;
    errors.clear();
  }

  /** From the JSON text back to the rows; stays on the text while it does not parse. */
  public void showRows() {
    errors.clear();
    parse()
        .ifPresent(
            json -> {
              try {
                form = RuleForm.of(json);
                advanced = false;
              } catch (RuntimeException notARule) {
                errors.put("json", Feedback.text("rules.badJson"));
              }
            });
  }

  public void addCondition() {
    form.addCondition();
  }

  public void removeCondition(int index) {
    form.removeCondition(index);
    errors.clear();
  }

  public void addAction() {
    form.addAction();
  }

  public void removeAction(int index) {
    form.removeAction(index);
    errors.clear();
  }

  private Optional<JsonObject> rows() {
    ResourceBundle bundle = Feedback.bundle();
    form.problems().forEach((part, key) -> errors.put(part, bundle.getString(key)));
    return errors.isEmpty() ? Optional.of(form.toJson()) : Optional.empty();
  }

  private Optional<JsonObject> parse() {
    try (var reader = Json.createReader(new StringReader(definition == null ? "" : definition))) {
      return Optional.of(reader.readObject());
    } catch (JsonException | IllegalStateException e) {
      errors.put("json", Feedback.text("rules.badJson"));
      return Optional.empty();
    }
  }

  private void reset() {
    errors.clear();
    clearDryRun();
  }

  private void clearDryRun() {
    dryRunTotal = null;
    matches = List.of();
  }

  private static String pretty(JsonObject rule) {
    JsonObjectBuilder b = Json.createObjectBuilder(rule);
    b.remove("id");
    b.remove("pausedReason");
    b.remove("position");
    JsonWriterFactory factory =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    StringWriter out = new StringWriter();
    try (var writer = factory.createWriter(out)) {
      writer.writeObject(b.build());
    }
    return out.toString().strip();
  }

  /**
   * A value's label from the bundle ({@code prefix + value}), or the value itself if it has none.
   */
  public String label(String prefix, String value) {
    ResourceBundle bundle = Feedback.bundle();
    return value != null && bundle.containsKey(prefix + value)
        ? bundle.getString(prefix + value)
        : value;
  }

  public List<String> getEvents() {
    return RuleVocabulary.events();
  }

  public List<String> getSinces() {
    return RuleVocabulary.sinces();
  }

  public List<String> getUnits() {
    return RuleVocabulary.units();
  }

  public List<String> getFields() {
    return RuleVocabulary.fields();
  }

  public List<String> getOperators() {
    return RuleVocabulary.operators();
  }

  public List<String> getActions() {
    return RuleVocabulary.actions();
  }

  public List<String> getPriorities() {
    return RuleVocabulary.priorities();
  }

  public List<String> getStatuses() {
    return RuleVocabulary.statuses();
  }

  public List<String> getChannels() {
    return RuleVocabulary.channels();
  }

  public List<Option> getAgents() {
    return agents;
  }

  public List<Option> getCanned() {
    return canned;
  }

  public Long getEditing() {
    return editing;
  }

  public RuleForm getForm() {
    return form;
  }

  public boolean isAdvanced() {
    return advanced;
  }

  public String getDefinition() {
    return definition;
  }

  public void setDefinition(String definition) {
    this.definition = definition;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Long getDryRunTotal() {
    return dryRunTotal;
  }

  public List<Match> getMatches() {
    return matches;
  }
}
