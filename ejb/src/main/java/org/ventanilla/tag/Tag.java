package org.ventanilla.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ventanilla.common.InvalidInputException;

/** A label for tickets. Names are unique regardless of case: "VIP" and "vip" are one tag. */
@Entity
@Table(name = "tag")
public class Tag {

  public static final String DEFAULT_COLOUR = "#6b7280";
  static final int MAX_NAME = 60;
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_seq")
  @SequenceGenerator(name = "tag_seq", sequenceName = "tag_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "name_key", nullable = false)
  private String nameKey;

  @Column(nullable = false)
  private String colour;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Tag() {}

  public Tag(String name, String colour, Instant now) {
    rename(name);
    recolour(colour == null ? DEFAULT_COLOUR : colour);
    this.createdAt = now;
  }

  public void rename(String newName) {
    this.name = cleanName(newName);
    this.nameKey = keyOf(this.name);
  }

  public void recolour(String newColour) {
    if (newColour == null || !COLOUR.matcher(newColour).matches()) {
      throw new InvalidInputException("invalid_colour", "colour must look like #1a2b3c");
    }
    this.colour = newColour.toLowerCase(Locale.ROOT);
  }

  /** Trimmed, single spaces, at most 60 characters, not blank. */
  public static String cleanName(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("invalid_tag", "A tag needs a name");
    }
    String name = raw.strip().replaceAll("\\s+", " ");
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException(
          "invalid_tag", "A tag name has at most " + MAX_NAME + " characters");
    }
    return name;
  }

  /** What makes two names the same tag. */
  public static String keyOf(String name) {
    return cleanName(name).toLowerCase(Locale.ROOT);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getNameKey() {
    return nameKey;
  }

  public String getColour() {
    return colour;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tag tag && id != null && id.equals(tag.id);
  }

  @Override
  public int hashCode() {
    return id == null ? 0 : id.hashCode();
  }
}
