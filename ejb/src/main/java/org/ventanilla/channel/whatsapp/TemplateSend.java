package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.util.List;

/**
 * A reply that leaves as an approved template: Meta needs the template's name, language and
 * parameters, while the ticket shows the filled-in text stored on the message itself.
 */
@Entity
@Table(name = "whatsapp_template_send")
public class TemplateSend {

  @Id
  @Column(name = "message_id")
  private Long messageId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String language;

  @Column(name = "parameters_json", nullable = false)
  private String parametersJson;

  /** The send call's components in Meta's shape (synced templates); null: body parameters only. */
  @Column(name = "components_json")
  private String componentsJson;

  protected TemplateSend() {}

  public TemplateSend(long messageId, String name, String language, List<String> parameters) {
    this.messageId = messageId;
    this.name = name;
    this.language = language;
    JsonArrayBuilder array = Json.createArrayBuilder();
    parameters.forEach(array::add);
    this.parametersJson = array.build().toString();
  }

  public TemplateSend(
      long messageId,
      String name,
      String language,
      List<String> parameters,
      jakarta.json.JsonArray components) {
    this(messageId, name, language, parameters);
    this.componentsJson = components == null ? null : components.toString();
  }

  public String getComponentsJson() {
    return componentsJson;
  }

  public String getName() {
    return name;
  }

  public String getLanguage() {
    return language;
  }

  public List<String> getParameters() {
    try (var reader = Json.createReader(new StringReader(parametersJson))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }
}
