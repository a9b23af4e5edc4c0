package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.PrimeFaces;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.customer.CustomerService;
import org.ventanilla.customer.CustomerView;
import org.ventanilla.template.CannedResponseService;
import org.ventanilla.template.CannedResponseView;
import org.ventanilla.ticket.CustomerHistory;
import org.ventanilla.ticket.CustomerTickets;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.ReplyTemplate;
import org.ventanilla.ticket.ReplyWindow;
import org.ventanilla.ticket.TemplateReply;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/** One ticket: its conversation and activity, and the agent's actions on it. */
@Named
@ViewScoped
public class TicketWorkspace implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern SHORTCUT_AT_END =
      Pattern.compile("(^|\\s)/([\\p{L}\\p{N}_-]+)\\s*$");

  @Inject transient TicketService tickets;
  @Inject transient AgentService agents;
  @Inject transient PresenceRegistry presence;
  @Inject transient CannedResponseService canned;
  @Inject transient CustomerService customers;
  @Inject transient CustomerTickets customerTickets;

  private Long id;
  private TicketDetails ticket;
  private List<AgentView> team;
  private String replyText;
  private String noteText;
  private String status;
  private String priority;
  private String assignee;
  private AgentView me;
  private ReplyWindow window;
  private CustomerHistory customer;
  private String customerName;
  private Long mergeWithId;
  private List<CannedResponseView> cannedResponses;
  private Long cannedId;
  private Long templateId;
  private List<TemplateParameter> templateParameters = new ArrayList<>();
  private String stamp;

  /** f:viewAction: loads the ticket named by the id view parameter. */
  public void load() {
    if (id != null) {
      stamp = tickets.ticketStamp(id);
    }
    ticket = id == null ? null : tickets.get(id).orElse(null);
    if (ticket != null) {
      status = ticket.status();
      priority = ticket.priority();
      assignee = ticket.assignee();
      window = tickets.replyWindow(id);
      tickets.markSeen(id);
      customer = customerTickets.get(ticket.customer().id()).orElse(null);
      customerName = customer == null ? null : customer.name();
      presence.viewing(id, me().username(), me().displayName());
    }
  }

  /**
   * The page's poll every two seconds: says the agent is still here and tells the page (callback
   * parameter {@code changed}) whether the conversation or the ticket changed since it was loaded,
   * so the page reloads only the parts that show them and never the composer.
   */
  public void heartbeat() {
    if (ticket == null) {
      return;
    }
    presence.viewing(id, me().username(), me().displayName());
    if (!tickets.ticketStamp(id).equals(stamp)) {
      PrimeFaces.current().ajax().addCallbackParam("changed", true);
    }
  }

  /** The composer's signal while the agent writes. */
  public void typing() {
    if (ticket != null) {
      presence.typing(id, me().username(), me().displayName());
    }
  }

  /** The other agents on this ticket right now. */
  public List<PresenceRegistry.Presence> getOthers() {
    return ticket == null ? List.of() : presence.others(id, me().username());
  }

  private AgentView me() {
    if (me == null) {
      me = agents.current();
    }
    return me;
  }

  public void reply() {
    if (Feedback.run(() -> tickets.reply(id, replyText))) {
      replyText = null;
      // Sent: no longer writing, still here.
      presence.left(id, me().username());
      presence.viewing(id, me().username(), me().displayName());
      Feedback.info("ticket.replyQueued");
    }
    load();
  }

  /** The customer panel: the agent corrects the customer's name. */
  public void renameCustomer() {
    if (customer != null && Feedback.run(() -> customers.rename(customer.id(), customerName))) {
      Feedback.info("customer.renamed");
    }
    load();
  }

  /** The merge picker's suggestions: other customers by name or contact. */
  public List<CustomerView> findCustomers(String text) {
    return customers.search(text, new PageRequest(0, 10)).items().stream()
        .filter(c -> customer == null || c.id() != customer.id())
        .toList();
  }

  /** The customer chosen in the picker becomes this ticket's customer, contacts and tickets. */
  public void mergeCustomer() {
    if (customer != null
        && mergeWithId != null
        && Feedback.run(() -> customerTickets.merge(customer.id(), mergeWithId))) {
      Feedback.info("customer.merged");
      mergeWithId = null;
    }
    load();
  }

  public Long getMergeWithId() {
    return mergeWithId;
  }

  public void setMergeWithId(Long mergeWithId) {
    this.mergeWithId = mergeWithId;
  }

  public CustomerHistory getCustomer() {
    return customer;
  }

  public String getCustomerName() {
    return customerName;
  }

  public void setCustomerName(String customerName) {
    this.customerName = customerName;
  }

  /**
   * The canned-response picker: its text, filled for this ticket, goes after what is written; the
   * page puts the result into the reply (callback parameter {@code reply}).
   */
  public void insertCanned() {
    if (cannedId != null) {
      append(canned.render(cannedId, id));
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
          .renderShortcut(m.group(2), id)
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

  public List<CannedResponseView> getCannedResponses() {
    if (cannedResponses == null) {
      cannedResponses = canned.available();
    }
    return cannedResponses;
  }

  public Long getCannedId() {
    return cannedId;
  }

  public void setCannedId(Long cannedId) {
    this.cannedId = cannedId;
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
                id, new TemplateReply(template.get().name(), template.get().language(), values)))) {
      templateId = null;
      templateParameters = new ArrayList<>();
      Feedback.info("ticket.replyQueued");
    }
    load();
  }

  private Optional<ReplyTemplate> selectedTemplate() {
    if (templateId == null || window == null) {
      return Optional.empty();
    }
    return window.templates().stream().filter(t -> t.id() == templateId).findFirst();
  }

  /** The chosen template's text, to read before sending. */
  public String getTemplatePreview() {
    return selectedTemplate().map(ReplyTemplate::text).orElse(null);
  }

  public ReplyWindow getWindow() {
    return window;
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

  public void addNote() {
    if (Feedback.run(() -> tickets.addNote(id, noteText))) {
      noteText = null;
      Feedback.info("ticket.noteAdded");
    }
    load();
  }

  public void save() {
    long version = ticket.version();
    if (Feedback.run(
        () ->
            tickets.update(
                id, new TicketChanges(status, priority, true, blankToNull(assignee)), version))) {
      Feedback.info("ticket.saved");
    }
    load();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public List<AgentView> getTeam() {
    if (team == null) {
      team = agents.list().stream().filter(AgentView::active).toList();
    }
    return team;
  }

  /** Where the ticket stands and where it may move: never {@code new} once it left it. */
  public List<String> getStatuses() {
    return Menus.statusesFrom(ticket == null ? null : ticket.status());
  }

  public List<String> getPriorities() {
    return Menus.of(Priority.class);
  }

  public TicketDetails getTicket() {
    return ticket;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
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

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }
}
