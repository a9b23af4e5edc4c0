package org.ventanilla.web.template;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.template.CannedResponseRequest;
import org.ventanilla.template.CannedResponseService;
import org.ventanilla.template.CannedResponseView;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.security.SessionActions;

/** Canned responses: write a new one, edit or delete those the agent may manage. */
@Named
@ViewScoped
public class ManageCannedResponses implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CannedResponseService canned;
  @Inject SessionActions session;

  private List<CannedResponseView> responses;
  private Long editingId;
  private String name;
  private String shortcut;
  private String body;
  private boolean shared;

  /** f:viewAction. */
  public void load() {
    responses = canned.available();
  }

  public void save() {
    var request = new CannedResponseRequest(name, shortcut, body, shared, null);
    Long editing = editingId;
    if (Feedback.run(
        () -> {
          if (editing == null) {
            canned.create(request);
          } else {
            canned.update(editing, request);
          }
        })) {
      Feedback.info("canned.saved");
      clear();
    }
    load();
  }

  public void edit(CannedResponseView response) {
    editingId = response.id();
    name = response.name();
    shortcut = response.shortcut();
    body = response.body();
    shared = response.shared();
  }

  public void delete(long id) {
    if (Feedback.run(() -> canned.delete(id))) {
      Feedback.info("canned.deleted");
    }
    load();
  }

  public void clear() {
    editingId = null;
    name = null;
    shortcut = null;
    body = null;
    shared = false;
  }

  /** Agents manage their own; admins also the shared ones. */
  public boolean mayManage(CannedResponseView response) {
    return !response.shared() || session.isAdmin();
  }

  public List<CannedResponseView> getResponses() {
    return responses;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getShortcut() {
    return shortcut;
  }

  public void setShortcut(String shortcut) {
    this.shortcut = shortcut;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public boolean isShared() {
    return shared;
  }

  public void setShared(boolean shared) {
    this.shared = shared;
  }
}
