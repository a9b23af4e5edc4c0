package org.ventanilla.template;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ventanilla.agent.Agent;
import org.ventanilla.common.InvalidInputException;

/** A reply written once and reused: shared (no owner) or one agent's own. */
@Entity
@Table(name = "canned_response")
public class CannedResponse {

  private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1,60}");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_response_seq")
  @SequenceGenerator(
      name = "canned_response_seq",
      sequenceName = "canned_response_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String shortcut;

  @Column(nullable = false)
  private String body;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id")
  private Agent owner;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected CannedResponse() {}

  public CannedResponse(String name, String shortcut, String body, Agent owner, Instant now) {
    this.owner = owner;
    this.createdAt = now;
    change(name, shortcut, body, now);
  }

  public void change(String name, String shortcut, String body, Instant now) {
    if (name == null || name.isBlank() || body == null || body.isBlank()) {
      throw new InvalidInputException("name and body are required");
    }
    String cleanShortcut = shortcut == null ? "" : shortcut.strip().replaceFirst("^/", "");
    if (!SHORTCUT.matcher(cleanShortcut).matches()) {
      throw new InvalidInputException(
          "invalid_shortcut", "A shortcut is one word of letters, digits, - or _");
    }
    this.name = name.strip();
    this.shortcut = cleanShortcut;
    this.body = body.strip();
    this.updatedAt = now;
  }

  /** The body with each known {{variable}} replaced; unknown ones stay visible to be noticed. */
  public String fill(Map<String, String> values) {
    return fill(body, values);
  }

  /** Any text with the canned-response variables (an acknowledgement, a rule's reply) filled. */
  public static String fill(String text, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  public boolean isShared() {
    return owner == null;
  }

  public boolean isOwnedBy(Agent agent) {
    return owner != null && owner.getId().equals(agent.getId());
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getShortcut() {
    return shortcut;
  }

  public String getBody() {
    return body;
  }

  public Agent getOwner() {
    return owner;
  }
}
