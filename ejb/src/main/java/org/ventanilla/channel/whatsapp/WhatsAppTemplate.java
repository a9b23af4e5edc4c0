package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ventanilla.common.InvalidInputException;

/**
 * A message template that Meta approved for a number, registered here by an admin: the only way to
 * write to a customer once the 24-hour service window has closed. The text, with {{1}}...{{n}}
 * placeholders, is what the ticket shows; Meta renders its own copy from name and language.
 */
@Entity
@Table(name = "whatsapp_template")
public class WhatsAppTemplate {

  static final int MAX_TEXT = 1024;
  public static final String APPROVED = "APPROVED";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "whatsapp_template_seq")
  @SequenceGenerator(
      name = "whatsapp_template_seq",
      sequenceName = "whatsapp_template_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "channel_id")
  private WhatsAppChannel channel;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String language;

  @Column(name = "parameter_count", nullable = false)
  private int parameterCount;

  @Column(name = "text_body", nullable = false)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Meta's review status: APPROVED (the only one that can be sent), PENDING, REJECTED... */
  @Column(nullable = false)
  private String status = APPROVED;

  @Column private String category;

  @Column(name = "meta_id")
  private String metaId;

  /** Meta's components array, as the account has it; null for a template typed in by hand. */
  @Column(name = "components_json")
  private String componentsJson;

  @Column(name = "synced_at")
  private Instant syncedAt;

  protected WhatsAppTemplate() {}

  public WhatsAppTemplate(
      WhatsAppChannel channel,
      String name,
      String language,
      int parameterCount,
      String text,
      Instant now) {
    if (name == null || !name.strip().matches("[a-z0-9_]{1,512}")) {
      throw new InvalidInputException(
          "name is required: lower-case letters, digits and underscores, as in Meta");
    }
    if (language == null || !language.strip().matches("[a-z]{2,3}(_[A-Z]{2})?")) {
      throw new InvalidInputException("language is required, such as es or en_US");
    }
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw new InvalidInputException("text is required, at most " + MAX_TEXT + " characters");
    }
    if (parameterCount < 0 || parameterCount != highestPlaceholder(text)) {
      throw new InvalidInputException(
          "invalid_template",
          "parameterCount must match the placeholders {{1}}..{{n}} in text ("
              + highestPlaceholder(text)
              + ")");
    }
    this.channel = channel;
    this.name = name.strip();
    this.language = language.strip();
    this.parameterCount = parameterCount;
    this.text = text.strip();
    this.createdAt = now;
  }

  /** A template read from the account ({@code GET /{waba-id}/message_templates}). */
  static WhatsAppTemplate synced(WhatsAppChannel channel, AccountTemplate read, Instant now) {
    WhatsAppTemplate t = new WhatsAppTemplate();
    t.channel = channel;
    t.name = read.name();
    t.language = read.language();
    t.createdAt = now;
    t.refresh(read, now);
    return t;
  }

  /** Takes what the account says now: status, category, components and the body derived. */
  void refresh(AccountTemplate read, Instant now) {
    TemplateComponents parts = read.parts();
    this.metaId = read.id();
    this.status = read.status() == null ? "PENDING" : read.status();
    this.category = read.category();
    this.componentsJson = read.components().toString();
    String body = parts.bodyText() == null ? "" : parts.bodyText();
    this.text = body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) : body;
    this.parameterCount = parts.bodyVariables().size();
    this.syncedAt = now;
  }

  /** What a {@code message_template_status_update} webhook says ({@code event}). */
  void changeStatus(String event) {
    if (event == null || event.isBlank()) {
      return;
    }
    // REINSTATED: approved again after a pause; the others are the status itself.
    this.status = "REINSTATED".equals(event) ? APPROVED : event;
  }

  /** What a {@code template_category_update} webhook says ({@code new_category}). */
  void changeCategory(String newCategory) {
    if (newCategory != null && !newCategory.isBlank()) {
      this.category = newCategory;
    }
  }

  /** A synced template the account no longer lists. */
  void gone(Instant now) {
    this.status = "DELETED";
    this.syncedAt = now;
  }

  public boolean isApproved() {
    return APPROVED.equals(status);
  }

  public boolean isSynced() {
    return componentsJson != null;
  }

  /** The components, parsed (empty for a template typed in by hand). */
  public TemplateComponents parts() {
    return TemplateComponents.parse(componentsJson);
  }

  static int highestPlaceholder(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    int highest = 0;
    while (m.find()) {
      highest = Math.max(highest, Integer.parseInt(m.group(1)));
    }
    return highest;
  }

  /** The text the customer reads, placeholders filled; the count must match exactly. */
  public String fill(List<String> parameters) {
    List<String> values = parameters == null ? List.of() : parameters;
    if (values.size() != parameterCount) {
      throw new InvalidInputException(
          "invalid_template",
          "Template " + name + " takes " + parameterCount + " parameters, not " + values.size());
    }
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new InvalidInputException("invalid_template", "Template parameters cannot be empty");
      }
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(values.get(Integer.parseInt(m.group(1)) - 1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  public Long getId() {
    return id;
  }

  public WhatsAppChannel getChannel() {
    return channel;
  }

  public String getName() {
    return name;
  }

  public String getLanguage() {
    return language;
  }

  public int getParameterCount() {
    return parameterCount;
  }

  public String getText() {
    return text;
  }

  public String getStatus() {
    return status;
  }

  public String getCategory() {
    return category;
  }

  public String getMetaId() {
    return metaId;
  }

  public String getComponentsJson() {
    return componentsJson;
  }

  public Instant getSyncedAt() {
    return syncedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
