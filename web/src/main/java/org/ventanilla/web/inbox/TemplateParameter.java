package org.ventanilla.web.inbox;

import java.io.Serializable;

/** One {{n}} of a WhatsApp template, as the agent fills it in the composer. */
public class TemplateParameter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int position;
  private String value;

  TemplateParameter(int position) {
    this.position = position;
  }

  public int getPosition() {
    return position;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
