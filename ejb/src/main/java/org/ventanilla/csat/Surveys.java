package org.ventanilla.csat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.platform.Settings;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;
import org.ventanilla.ticket.TicketResolved;

/**
 * Sends the survey when a ticket is resolved and records the answer, in the caller's transaction.
 * The invitation is a message on the conversation, queued in the channel's outbox like a reply; the
 * message says only that it was sent, the channel's copy for the customer carries the token.
 */
@ApplicationScoped
public class Surveys {

  @PersistenceContext EntityManager em;
  @Inject TicketRepository tickets;
  @Inject @Any Instance<SurveyInvitation> invitations;
  @Inject Event<CsatAnswered> answered;
  @Inject Clock clock;

  public CsatSettings settings() {
    return em.find(CsatSettings.class, CsatSettings.THE_ROW);
  }

  /** A resolved ticket (never one closed by a merge) gets its one survey, when surveys are on. */
  void onResolved(@Observes TicketResolved resolved) {
    Ticket ticket = resolved.ticket();
    CsatSettings settings = settings();
    // Tickets recorded through the API run through no channel: nobody to ask.
    if (!settings.isEnabled() || !ticket.canBeSurveyed() || ticket.getSourceId() == null) {
      return;
    }
    Optional<SurveyInvitation> invitation = invitation(ticket);
    if (invitation.isEmpty()) {
      return;
    }
    Instant now = resolved.at();
    String token = SurveyTokens.newToken();
    Message message = ticket.inviteToSurvey(invitation.get().text(ticket, now), now);
    tickets.add(message);
    em.persist(new Survey(ticket, SurveyTokens.hash(token), "es", now));
    tickets.flush();
    invitation.get().send(ticket, message, token, settings, now);
  }

  private Optional<SurveyInvitation> invitation(Ticket ticket) {
    for (SurveyInvitation invitation : invitations) {
      if (invitation.kind() == ticket.getChannel()) {
        return Optional.of(invitation);
      }
    }
    return Optional.empty();
  }

  /** The survey page of {@code token}, for the customer's copy only. */
  public static String link(String token) {
    return publicUrl() + "/survey/" + token;
  }

  /** Links in invitations start with VENTANILLA_PUBLIC_URL. */
  static String publicUrl() {
    String url = Settings.get("ventanilla.public.url").orElse("http://localhost:8080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The survey a token opens; a malformed or unknown token finds none. */
  public Optional<Survey> byToken(String token) {
    if (!SurveyTokens.wellFormed(token)) {
      return Optional.empty();
    }
    return em.createQuery("SELECT s FROM Survey s WHERE s.tokenHash = :h", Survey.class)
        .setParameter("h", SurveyTokens.hash(token))
        .getResultStream()
        .findFirst();
  }

  /** Records the customer's answer: unknown tokens are not found, used ones refused. */
  public void answer(String token, int score, String comment) {
    Survey survey = byToken(token).orElseThrow(() -> new NotFoundException("Survey", "token"));
    Instant now = clock.instant();
    survey.answer(score, comment, now);
    em.flush();
    answered.fire(new CsatAnswered(survey.getTicket().getId(), score, comment, now));
  }
}
