package org.ventanilla.web.profile;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.Availability;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/** The header's availability switch: read once per request, changed for the caller only. */
@Named
@RequestScoped
public class MyAvailability {

  @Inject AgentService agents;

  private String availability;

  @PostConstruct
  void read() {
    FacesContext context = FacesContext.getCurrentInstance();
    if (context != null && context.getExternalContext().getUserPrincipal() != null) {
      availability = agents.current().availability();
    }
  }

  public String getAvailability() {
    return availability;
  }

  public void setAvailability(String availability) {
    if (availability != null && !availability.equals(this.availability)) {
      Feedback.run(() -> agents.updateOwnPreferences(availability, null, null));
      this.availability = availability;
    }
  }

  public List<String> getValues() {
    return Menus.of(Availability.class);
  }
}
