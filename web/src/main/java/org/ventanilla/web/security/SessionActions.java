package org.ventanilla.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in agent as the page header shows it, and signing out (a POST, so not forgeable). */
@Named
@RequestScoped
public class SessionActions {

  @Inject SecurityContext security;

  public String getUsername() {
    return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
  }

  public boolean isAdmin() {
    return security.isCallerInRole("admin");
  }

  public String logout() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }
}
