package org.ventanilla.ticket;

import java.util.List;

/**
 * An agent's choice of a channel's template for a reply (WhatsApp, outside the 24-hour window): the
 * body's {@code parameters} in order; for a template synced from the account also its header's
 * (text variables, or the media: a link or an uploaded media id, with a document's filename) and
 * its buttons' parameters by button index (a URL button's variable, a quick reply's payload, a
 * copy-code button's code). Null lists are empty.
 */
public record TemplateReply(
    String name,
    String language,
    List<String> parameters,
    List<String> headerParameters,
    String headerMedia,
    String headerFilename,
    List<Button> buttons) {

  public static TemplateReply of(String name, String language, List<String> parameters) {
    return new TemplateReply(name, language, parameters, null, null, null, null);
  }

  /** A parameter of the button at {@code index} (0-based, as Meta counts). */
  public record Button(Integer index, String text, String payload) {}

  public List<String> parametersOrEmpty() {
    return parameters == null ? List.of() : parameters;
  }

  public List<String> headerParametersOrEmpty() {
    return headerParameters == null ? List.of() : headerParameters;
  }

  public List<Button> buttonsOrEmpty() {
    return buttons == null ? List.of() : buttons;
  }
}
