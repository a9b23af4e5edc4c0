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
  @Inject transient TicketService tickets;
  @Inject transient PresenceRegistry presence;
  @Inject transient CannedResponseService canned;
  @Inject transient TicketForwards forwards;

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
    ReplyDraft draft = new ReplyDraft(replyText, addresses(cc), addresses(bcc), null);
    if (Feedback.run(() -> tickets.reply(view.getId(), draft))) {
      replyText = null;
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
    selectedTemplate()
        .ifPresent(
            t -> {
              for (int i = 1; i <= t.parameterCount(); i++) {
                templateParameters.add(new TemplateParameter(i));
              }
            });
  }

  /** Sends the chosen WhatsApp template, the only reply allowed once the window has closed. */
  public void replyWithTemplate() {
    Optional<ReplyTemplate> template = selectedTemplate();
    if (template.isEmpty()) {
      Feedback.errorKey("ticket.template.required");
      return;
    }
    List<String> values =
        templateParameters.stream().map(p -> p.getValue() == null ? "" : p.getValue()).toList();
    if (Feedback.run(
        () ->
            tickets.replyWithTemplate(
                view.getId(),
                new TemplateReply(template.get().name(), template.get().language(), values)))) {
      templateId = null;
      templateParameters = new ArrayList<>();
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

  /** The chosen template's text, to read before sending. */
  public String getTemplatePreview() {
    return selectedTemplate().map(ReplyTemplate::text).orElse(null);
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
