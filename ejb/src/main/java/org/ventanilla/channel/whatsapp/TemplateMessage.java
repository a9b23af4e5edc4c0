package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.ReplyTemplate;
import org.ventanilla.ticket.TemplateReply;

/**
 * A template reply checked against the template and turned into what the ticket shows ({@code
 * text}) and, for a template synced from the account, the send call's {@code components} in Meta's
 * shape: header (text variables or media by link or id), body variables (named ones with their
 * {@code parameter_name}) and button parameters ({@code sub_type} url, quick_reply, copy_code).
 */
record TemplateMessage(String text, JsonArray components) {

  static final String INVALID = "invalid_template";

  static TemplateMessage of(WhatsAppTemplate template, TemplateReply reply) {
    if (!template.isApproved()) {
      throw new InvalidInputException(
          "template_not_approved",
          "Template "
              + template.getName()
              + " ("
              + template.getLanguage()
              + ") is "
              + template.getStatus()
              + " at Meta: only APPROVED templates can be sent");
    }
    if (!template.isSynced()) {
      if (!reply.headerParametersOrEmpty().isEmpty()
          || reply.headerMedia() != null
          || !reply.buttonsOrEmpty().isEmpty()) {
        throw new InvalidInputException(
            INVALID, "Template " + template.getName() + " has no header or buttons to fill");
      }
      return new TemplateMessage(template.fill(reply.parametersOrEmpty()), null);
    }
    TemplateComponents parts = template.parts();
    JsonArrayBuilder components = Json.createArrayBuilder();
    StringBuilder text = new StringBuilder();

    // Header.
    List<String> headerValues = reply.headerParametersOrEmpty();
    if (parts.hasMediaHeader()) {
      String media = reply.headerMedia() == null ? null : reply.headerMedia().strip();
      if (media == null || media.isEmpty()) {
        throw new InvalidInputException(
            INVALID,
            "Template "
                + template.getName()
                + " has a "
                + parts.headerFormat().toLowerCase()
                + " header: give headerMedia (a link or a media id)");
      }
      String kind = parts.headerFormat().toLowerCase();
      JsonObjectBuilder file = Json.createObjectBuilder();
      if (media.matches("https?://\\S+")) {
        file.add("link", media);
      } else if (media.matches("[A-Za-z0-9_.-]{1,200}")) {
        file.add("id", media);
      } else {
        throw new InvalidInputException(INVALID, "headerMedia must be an http(s) link or media id");
      }
      if ("document".equals(kind) && reply.headerFilename() != null) {
        file.add("filename", reply.headerFilename());
      }
      components.add(
          Json.createObjectBuilder()
              .add("type", "header")
              .add(
                  "parameters",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("type", kind).add(kind, file))));
      text.append("[").append(kind).append("]\n");
    } else {
      if (reply.headerMedia() != null) {
        throw new InvalidInputException(
            INVALID, "Template " + template.getName() + " has no media header");
      }
      List<String> variables = parts.headerVariables();
      requireCount("header", variables, headerValues);
      if (!variables.isEmpty()) {
        components.add(
            Json.createObjectBuilder()
                .add("type", "header")
                .add("parameters", textParameters(variables, headerValues)));
      }
      if (parts.headerText() != null) {
        text.append(ReplyTemplate.fill(parts.headerText(), headerValues)).append("\n");
      }
    }

    // Body.
    List<String> bodyVariables = parts.bodyVariables();
    List<String> bodyValues = reply.parametersOrEmpty();
    requireCount("body", bodyVariables, bodyValues);
    if (!bodyVariables.isEmpty()) {
      components.add(
          Json.createObjectBuilder()
              .add("type", "body")
              .add("parameters", textParameters(bodyVariables, bodyValues)));
    }
    text.append(ReplyTemplate.fill(parts.bodyText() == null ? "" : parts.bodyText(), bodyValues));
    if (parts.footerText() != null) {
      text.append("\n").append(parts.footerText());
    }

    // Buttons.
    Map<Integer, TemplateReply.Button> given = new HashMap<>();
    for (TemplateReply.Button b : reply.buttonsOrEmpty()) {
      if (b == null || b.index() == null) {
        throw new InvalidInputException(INVALID, "each button parameter needs its index");
      }
      if (b.index() < 0 || b.index() >= parts.buttons().size()) {
        throw new InvalidInputException(
            INVALID, "Template " + template.getName() + " has no button " + b.index());
      }
      if (given.put(b.index(), b) != null) {
        throw new InvalidInputException(INVALID, "button " + b.index() + " is given twice");
      }
    }
    for (TemplateComponents.Button button : parts.buttons()) {
      TemplateReply.Button value = given.get(button.index());
      text.append("\n[").append(button.text()).append("]");
      if (value == null) {
        if (button.needsParameter()) {
          throw new InvalidInputException(
              INVALID,
              "Button "
                  + button.index()
                  + " ("
                  + button.text()
                  + ") of template "
                  + template.getName()
                  + " needs its parameter");
        }
        continue;
      }
      if (!button.takesParameter()) {
        throw new InvalidInputException(
            INVALID, "Button " + button.index() + " (" + button.type() + ") takes no parameter");
      }
      JsonObjectBuilder parameter = Json.createObjectBuilder();
      String subType;
      switch (button.type()) {
        case "QUICK_REPLY" -> {
          subType = "quick_reply";
          parameter
              .add("type", "payload")
              .add("payload", required(value.payload() != null ? value.payload() : value.text()));
        }
        case "COPY_CODE" -> {
          subType = "copy_code";
          parameter.add("type", "coupon_code").add("coupon_code", required(value.text()));
        }
        default -> {
          subType = "url";
          parameter.add("type", "text").add("text", required(value.text()));
        }
      }
      components.add(
          Json.createObjectBuilder()
              .add("type", "button")
              .add("sub_type", subType)
              .add("index", String.valueOf(button.index()))
              .add("parameters", Json.createArrayBuilder().add(parameter)));
    }
    return new TemplateMessage(text.toString(), components.build());
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(INVALID, "Template parameters cannot be empty");
    }
    return value;
  }

  private static void requireCount(String part, List<String> variables, List<String> values) {
    if (values.size() != variables.size()) {
      throw new InvalidInputException(
          INVALID,
          "The template's "
              + part
              + " takes "
              + variables.size()
              + " parameters, not "
              + values.size());
    }
    values.forEach(TemplateMessage::required);
  }

  private static JsonArrayBuilder textParameters(List<String> variables, List<String> values) {
    JsonArrayBuilder parameters = Json.createArrayBuilder();
    boolean named = !variables.isEmpty() && !variables.get(0).matches("\\d+");
    for (int i = 0; i < variables.size(); i++) {
      JsonObjectBuilder p = Json.createObjectBuilder().add("type", "text");
      if (named) {
        p.add("parameter_name", variables.get(i));
      }
      parameters.add(p.add("text", values.get(i)));
    }
    return parameters;
  }
}
