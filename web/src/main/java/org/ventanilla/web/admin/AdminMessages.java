package org.ventanilla.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;
import org.ventanilla.common.DomainException;

/**
 * Feedback of the admin pages as Faces messages. A service's refusal is shown in the agent's
 * language when the bundle knows its code ({@code error.self_deactivation}), otherwise as the
 * service worded it, which names the field that was wrong.
 */
final class AdminMessages {

  private AdminMessages() {}

  static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, java.text.MessageFormat.format(text(key), args));
  }

  static void error(DomainException e) {
    String key = "error." + e.code();
    add(FacesMessage.SEVERITY_ERROR, bundle().containsKey(key) ? text(key) : e.getMessage());
  }

  static void errorKey(String key) {
    add(FacesMessage.SEVERITY_ERROR, text(key));
  }

  static String text(String key) {
    return bundle().getString(key);
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  private static ResourceBundle bundle() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getApplication().getResourceBundle(context, "msg");
  }
}
