package org.ventanilla.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.automation.RuleService;
import org.ventanilla.web.faces.Feedback;

/**
 * The rules page's list: the rules in the order they run, moved up or down one place at a time
 * (buttons, so the keyboard does it as well as the mouse), deleted. The service checks the role.
 */
@Named
@ViewScoped
public class RuleList implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One line of the list. */
  public record Row(
      long id, int position, String name, String event, boolean active, String pausedReason)
      implements Serializable {}

  @Inject RuleService service;

  private List<Row> rules = List.of();

  /** f:viewAction, and after every change. */
  public void load() {
    rules = rows(service.list());
  }

  public void moveUp(long id) {
    move(id, -1);
  }

  public void moveDown(long id) {
    move(id, 1);
  }

  private void move(long id, int step) {
    Feedback.call(() -> service.move(id, step))
        .ifPresent(
            ordered -> {
              rules = rows(ordered);
              Feedback.info("rules.moved");
            });
  }

  public void delete(long id) {
    if (Feedback.run(() -> service.delete(id))) {
      Feedback.info("rules.deleted");
      load();
    }
  }

  private static List<Row> rows(List<JsonObject> rules) {
    return rules.stream()
        .map(
            rule ->
                new Row(
                    rule.getJsonNumber("id").longValue(),
                    rule.getInt("position", 0),
                    rule.getString("name", ""),
                    rule.getJsonObject("when").getString("event", ""),
                    rule.getBoolean("active", true),
                    rule.isNull("pausedReason") ? null : rule.getString("pausedReason")))
        .toList();
  }

  public List<Row> getRules() {
    return rules;
  }
}
