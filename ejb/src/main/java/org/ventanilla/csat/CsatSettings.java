package org.ventanilla.csat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ventanilla.common.InvalidInputException;

/** Whether resolved tickets get a survey, and the WhatsApp template used outside the window. */
@Entity
@Table(name = "csat_settings")
public class CsatSettings {

  static final long THE_ROW = 1L;

  @Id private Long id;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "whatsapp_template")
  private String whatsappTemplate;

  protected CsatSettings() {}

  public void change(boolean enabled, String whatsappTemplate) {
    String name =
        whatsappTemplate == null || whatsappTemplate.isBlank() ? null : whatsappTemplate.strip();
    if (name != null && !name.matches("[a-z0-9_]{1,200}")) {
      throw new InvalidInputException(
          "invalid_template", "whatsappTemplate must be a template name (a-z, 0-9, _)");
    }
    this.enabled = enabled;
    this.whatsappTemplate = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public String getWhatsappTemplate() {
    return whatsappTemplate;
  }
}
