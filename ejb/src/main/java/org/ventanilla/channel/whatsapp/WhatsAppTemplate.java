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

  public Instant getCreatedAt() {
    return createdAt;
  }
}
