package org.ventanilla.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.PrimeFaces;
import org.ventanilla.template.CannedResponseService;
import org.ventanilla.template.CannedResponseView;
import org.ventanilla.ticket.ForwardRequest;
import org.ventanilla.ticket.ReplyDraft;
import org.ventanilla.ticket.ReplyTemplate;
import org.ventanilla.ticket.ReplyWindow;
import org.ventanilla.ticket.TemplateReply;
import org.ventanilla.ticket.TicketForwards;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.web.faces.Feedback;

/**
 * The ticket page's composer: the reply (with canned responses and their /shortcuts), the internal
 * note, and the WhatsApp template once the 24-hour window has closed. Its texts are never reset by
 * a reload of the ticket, only after they were sent.
 */
@Named
@ViewScoped
public class ReplyComposer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern SHORTCUT_AT_END =
      Pattern.compile("(^|\\s)/([\\p{L}\\p{N}_-]+)\\s*$");

  @Inject TicketInView view;
  @Inject TicketService tickets;
  @Inject PresenceRegistry presence;
  @Inject CannedResponseService canned;
  @Inject TicketForwards forwards;

  private String replyText;
  private String cc;
  private String bcc;
  private boolean ccPrefilled;
  private String forwardTo;
  private String forwardText;
  private String noteText;
  private List<CannedResponseView> cannedResponses = List.of();
  private Long cannedId;
  private Long templateId;
  private List<TemplateParameter> templateParameters = new ArrayList<>();
  private List<TemplateParameter> headerParameters = new ArrayList<>();
  private List<TemplateParameter> buttonParameters = new ArrayList<>();
  private String headerMedia;

  /** The buttons or list of the canned response put in, sent with the reply (Meta's JSON). */
  private String interactive;

  @PostConstruct
  void init() {
    cannedResponses = canned.available();
  }

  /**
   * Each load of the ticket: a mail reply's CC starts as the customer's last mail's To and Cc minus
   * our own mailboxes (once per view, and again after a reply was sent); the agent may edit it.
   */
  void prefillCc(@Observes TicketInView.Loaded loaded) {
    if (ccPrefilled || loaded.ticket() == null) {
      return;
    }
    ccPrefilled = true;
    cc =
        "email".equals(loaded.ticket().channel())
            ? String.join(", ", tickets.suggestedCc(loaded.ticket().id()))
            : null;
  }

  private static List<String> addresses(String field) {
    return field == null || field.isBlank()
        ? List.of()
        : Arrays.stream(field.split("[,;]")).map(String::trim).filter(a -> !a.isEmpty()).toList();
  }

  public void reply() {
    String buttons = interactive;
    ReplyDraft draft = new ReplyDraft(replyText, addresses(cc), addresses(bcc), null);
    if (Feedback.run(
        () -> {
          if (buttons == null) {
            tickets.reply(view.getId(), draft);
          } else {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(buttons))) {
              tickets.replyInteractive(view.getId(), replyText, reader.readObject());
            }
          }
        })) {
      replyText = null;
      interactive = null;
      bcc = null;
      ccPrefilled = false;
      // Sent: no longer writing, still here.
      presence.left(view.getId(), view.me().username());
      presence.viewing(view.getId(), view.me().username(), view.me().displayName());
      Feedback.info("ticket.replyQueued");
    }
    view.load();
  }

  /** Forwards the whole conversation (with its files) by mail to the addresses given. */
  public void forward() {
    ForwardRequest request = new ForwardRequest(addresses(forwardTo), forwardText, null);
    if (Feedback.run(() -> forwards.forward(view.getId(), request))) {
      forwardTo = null;
      forwardText = null;
      Feedback.info("ticket.forwardQueued");
    }
    view.load();
  }

  public String getForwardTo() {
    return forwardTo;
  }

  public void setForwardTo(String forwardTo) {
    this.forwardTo = forwardTo;
  }

  public String getForwardText() {
    return forwardText;
  }

  public void setForwardText(String forwardText) {
    this.forwardText = forwardText;
  }

  public void addNote() {
    if (Feedback.run(() -> tickets.addNote(view.getId(), noteText))) {
      noteText = null;
      Feedback.info("ticket.noteAdded");
    }
    view.load();
  }

  /**
   * The canned-response picker: its text, filled for this ticket, goes after what is written; the
   * page puts the result into the reply (callback parameter {@code reply}).
   */
  public void insertCanned() {
    if (cannedId != null) {
      append(canned.render(cannedId, view.getId()));
      jakarta.json.JsonObject buttons = canned.interactive(cannedId);
      if (buttons != null && view.getWindow() != null && view.getWindow().limited()) {
        interactive = buttons.toString();
      }
      cannedId = null;
      PrimeFaces.current().ajax().addCallbackParam("reply", replyText);
    }
  }

  /** "/shortcut" at the end of the reply (Tab in the composer) becomes that canned response. */
  public void expandShortcut() {
    if (replyText == null) {
      return;
    }
    Matcher m = SHORTCUT_AT_END.matcher(replyText);
    if (m.find()) {
      String before = replyText.substring(0, m.end(1));
      canned
          .renderShortcut(m.group(2), view.getId())
          .ifPresentOrElse(
              text -> {
                replyText = before + text;
                PrimeFaces.current().ajax().addCallbackParam("reply", replyText);
              },
              () -> Feedback.errorKey("canned.unknownShortcut"));
    }
  }

  private void append(String text) {
    replyText =
        replyText == null || replyText.isBlank() ? text : replyText.stripTrailing() + "\n" + text;
  }

  /** The template picker changed: one empty field per parameter of the chosen template. */
  public void templateChosen() {
    templateParameters = new ArrayList<>();
    headerParameters = new ArrayList<>();
    buttonParameters = new ArrayList<>();
    headerMedia = null;
    selectedTemplate()
        .ifPresent(
            t -> {
              for (int i = 1; i <= t.parameterCount(); i++) {
                templateParameters.add(new TemplateParameter(i));
              }
              for (int i = 1; i <= t.headerParameterCount(); i++) {
                headerParameters.add(new TemplateParameter(i));
              }
              for (Integer index :
                  t.buttonParameters() == null ? List.<Integer>of() : t.buttonParameters()) {
                buttonParameters.add(new TemplateParameter(index));
              }
            });
  }

  private static List<String> values(List<TemplateParameter> parameters) {
    return parameters.stream().map(p -> p.getValue() == null ? "" : p.getValue()).toList();
  }

  /** The button parameters filled in (by button index); empty ones are left out. */
  private List<TemplateReply.Button> buttonValues() {
    return buttonParameters.stream()
        .filter(p -> p.getValue() != null && !p.getValue().isBlank())
        .map(p -> new TemplateReply.Button(p.getPosition(), p.getValue(), null))
        .toList();
  }

  /** Sends the chosen WhatsApp template, the only reply allowed once the window has closed. */
  public void replyWithTemplate() {
    Optional<ReplyTemplate> template = selectedTemplate();
    if (template.isEmpty()) {
      Feedback.errorKey("ticket.template.required");
      return;
    }
    TemplateReply reply =
        new TemplateReply(
            template.get().name(),
            template.get().language(),
            values(templateParameters),
            values(headerParameters),
            template.get().hasMediaHeader() ? headerMedia : null,
            null,
            buttonValues());
    if (Feedback.run(() -> tickets.replyWithTemplate(view.getId(), reply))) {
      templateId = null;
      templateParameters = new ArrayList<>();
      headerParameters = new ArrayList<>();
      buttonParameters = new ArrayList<>();
      headerMedia = null;
      Feedback.info("ticket.replyQueued");
    }
    view.load();
  }

  private Optional<ReplyTemplate> selectedTemplate() {
    ReplyWindow window = view.getWindow();
    if (templateId == null || window == null) {
      return Optional.empty();
    }
    return window.templates().stream().filter(t -> t.id() == templateId).findFirst();
  }

  /**
   * The chosen template as the customer will read it, filled with what is typed so far: header (its
   * text, or the media), body, footer and buttons.
   */
  public String getTemplatePreview() {
    return selectedTemplate()
        .map(t -> t.preview(values(headerParameters), values(templateParameters), headerMedia))
        .orElse(null);
  }

  /** Whether the chosen template's header is an image, video or document to give. */
  public boolean isTemplateMediaHeader() {
    return selectedTemplate().map(ReplyTemplate::hasMediaHeader).orElse(false);
  }

  /** The header media as a link, when it is one: the preview shows the image. */
  public String getTemplateImage() {
    return selectedTemplate().filter(t -> "IMAGE".equalsIgnoreCase(t.headerFormat())).isPresent()
            && headerMedia != null
            && headerMedia.matches("https://\\S+")
        ? headerMedia
        : null;
  }

  /** The titles of the buttons or rows the reply will carry, for the composer to show. */
  public List<String> getInteractiveChoices() {
    if (interactive == null) {
      return List.of();
    }
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(interactive))) {
      jakarta.json.JsonObject action = reader.readObject().getJsonObject("action");
      List<String> titles = new ArrayList<>();
      if (action != null && action.get("buttons") instanceof jakarta.json.JsonArray buttons) {
        buttons.forEach(
            b -> {
              if (b instanceof jakarta.json.JsonObject o
                  && o.get("reply") instanceof jakarta.json.JsonObject r) {
                titles.add(r.getString("title", ""));
              }
            });
      }
      if (action != null && action.get("sections") instanceof jakarta.json.JsonArray sections) {
        sections.forEach(
            sec -> {
              if (sec instanceof jakarta.json.JsonObject o
                  && o.get("rows") instanceof jakarta.json.JsonArray rows) {
                rows.forEach(
                    r -> {
                      if (r instanceof jakarta.json.JsonObject row) {
                        titles.add(row.getString("title", ""));
                      }
                    });
              }
            });
      }
      return titles;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Sends the reply as plain text after all. */
  public void dropInteractive() {
    interactive = null;
  }

  public List<TemplateParameter> getHeaderParameters() {
    return headerParameters;
  }

  public List<TemplateParameter> getButtonParameters() {
    return buttonParameters;
  }

  public String getHeaderMedia() {
    return headerMedia;
  }

  public void setHeaderMedia(String headerMedia) {
    this.headerMedia = headerMedia;
  }

  /** The canned responses this agent may use, read when the page opened. */
  public List<CannedResponseView> getCannedResponses() {
    return cannedResponses;
  }

  public Long getCannedId() {
    return cannedId;
  }

  public void setCannedId(Long cannedId) {
    this.cannedId = cannedId;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public void setTemplateId(Long templateId) {
    this.templateId = templateId;
  }

  public List<TemplateParameter> getTemplateParameters() {
    return templateParameters;
  }

  public String getCc() {
    return cc;
  }

  public void setCc(String cc) {
    this.cc = cc;
  }

  public String getBcc() {
    return bcc;
  }

  public void setBcc(String bcc) {
    this.bcc = bcc;
  }

  public String getReplyText() {
    return replyText;
  }

  public void setReplyText(String replyText) {
    this.replyText = replyText;
  }

  public String getNoteText() {
    return noteText;
  }

  public void setNoteText(String noteText) {
    this.noteText = noteText;
  }
}
