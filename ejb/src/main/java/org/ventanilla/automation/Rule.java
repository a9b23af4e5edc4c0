package org.ventanilla.automation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.StringReader;
import org.ventanilla.common.Enums;

/** An automation rule: its definition (when/match/if/then), its place in the order, its state. */
@Entity
@Table(name = "automation_rule")
public class Rule {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_rule_seq")
  @SequenceGenerator(
      name = "automation_rule_seq",
      sequenceName = "automation_rule_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "paused_reason")
  private String pausedReason;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String event;

  @Column(nullable = false)
  private String definition;

  @Version private long version;

  @Transient private RuleDefinition parsed;

  protected Rule() {}

  public Rule(RuleDefinition definition, int position) {
    this.position = position;
    change(definition);
  }

  public void change(RuleDefinition newDefinition) {
    this.name = newDefinition.name();
    this.active = newDefinition.active();
    if (active) {
      this.pausedReason = null;
    }
    this.event = newDefinition.when().event().name();
    this.definition = newDefinition.toJson().toString();
    this.parsed = newDefinition;
  }

  public void moveTo(int newPosition) {
    this.position = newPosition;
  }

  /** Stops the rule (a storm): it stays stopped until an admin saves it active again. */
  public void pause(String reason) {
    this.active = false;
    this.pausedReason = reason;
  }

  public RuleDefinition definition() {
    if (parsed == null) {
      parsed = RuleDefinition.parse(Json.createReader(new StringReader(definition)).readObject());
    }
    return parsed;
  }

  public JsonObject view() {
    JsonObjectBuilder json = Json.createObjectBuilder(definition().toJson());
    json.add("id", id).add("active", active).add("position", position);
    if (pausedReason == null) {
      json.addNull("pausedReason");
    } else {
      json.add("pausedReason", pausedReason);
    }
    return json.build();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  public int getPosition() {
    return position;
  }

  public String eventJson() {
    return Enums.json(definition().when().event());
  }
}
