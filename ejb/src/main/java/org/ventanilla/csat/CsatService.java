package org.ventanilla.csat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.ventanilla.agent.Role;
import org.ventanilla.report.ReportPeriod;
import org.ventanilla.report.ReportService;

/** The survey settings (admins), the public survey (anyone holding a token), the CSAT report. */
@Stateless
public class CsatService {

  @Inject Surveys surveys;
  @Inject CsatReports reports;
  @Inject ReportService periods;

  /** The settings as the API shows them. */
  public record SettingsView(boolean enabled, String whatsappTemplate) {}

  @RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
  public SettingsView settings() {
    CsatSettings s = surveys.settings();
    return new SettingsView(s.isEnabled(), s.getWhatsappTemplate());
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public SettingsView change(boolean enabled, String whatsappTemplate) {
    surveys.settings().change(enabled, whatsappTemplate);
    return settings();
  }

  /** What the survey page shows for this token, if it opens one. */
  @PermitAll
  public Optional<SurveyPage> page(String token) {
    return surveys
        .byToken(token)
        .map(
            s ->
                new SurveyPage(
                    s.getTicket().getNumber(),
                    s.getTicket().getSubject(),
                    s.getLanguage(),
                    s.isAnswered()));
  }

  @PermitAll
  public void answer(String token, int score, String comment) {
    surveys.answer(token, score, comment);
  }

  @RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
  public CsatReport report(String from, String to) {
    ReportPeriod period = periods.period(from, to);
    return reports.report(period.from(), period.to());
  }
}
