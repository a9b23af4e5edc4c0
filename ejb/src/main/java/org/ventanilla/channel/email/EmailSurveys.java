package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.ventanilla.channel.Outbox;
import org.ventanilla.common.ChannelType;
import org.ventanilla.csat.CsatSettings;
import org.ventanilla.csat.SurveyInvitation;
import org.ventanilla.csat.Surveys;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;

/**
 * The survey by mail: the customer's mail carries the link (kept in {@link SurveyMail}), the
 * ticket's message only that it was sent.
 */
@ApplicationScoped
public class EmailSurveys implements SurveyInvitation {

  @Inject Outbox outbox;
  @PersistenceContext EntityManager em;

  @Override
  public ChannelType kind() {
    return ChannelType.EMAIL;
  }

  @Override
  public String text(Ticket ticket, Instant now) {
    return "Encuesta de satisfacción enviada por correo · Satisfaction survey sent by email";
  }

  @Override
  public void send(
      Ticket ticket, Message message, String token, CsatSettings settings, Instant now) {
    String link = Surveys.link(token);
    em.persist(
        new SurveyMail(
            message.getId(),
            "¿Cómo te atendimos? Cuéntanos en un clic: "
                + link
                + "\n\nHow did we do? Tell us in one click: "
                + link));
    outbox.enqueueThrough(message, ticket.getSourceId(), now);
  }
}
