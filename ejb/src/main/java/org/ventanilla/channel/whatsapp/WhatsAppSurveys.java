package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.Outbox;
import org.ventanilla.common.ChannelType;
import org.ventanilla.csat.CsatSettings;
import org.ventanilla.csat.SurveyInvitation;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;

/**
 * The survey on WhatsApp. Inside the 24-hour window: three reply buttons, 😞 / 😐 / 😀 for 1 / 3 /
 * 5 (Meta allows three buttons; one tap answers, where a five-row list takes two), each with the id
 * {@code csat:<token>:<score>}. Outside it free messages are refused, so the approved template
 * named in the settings goes instead, its URL button given the token as the link's suffix (the
 * template's button is registered as {@code <public url>/survey/{{1}}}). Without such a template
 * the survey is refused and stays on the ticket as failed.
 */
@ApplicationScoped
public class WhatsAppSurveys implements SurveyInvitation {

  /** What the parser makes of a button reply: "title [id]". */
  private static final Pattern ANSWER =
      Pattern.compile("\\[csat:([A-Za-z0-9_-]{43}):([1-5])]\\s*$");

  @Inject WhatsAppRepository whatsapp;
  @Inject Outbox outbox;
  @PersistenceContext EntityManager em;

  @Override
  public ChannelType kind() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public String text(Ticket ticket, Instant now) {
    // Outside the window the link goes only in the template's button, never in the ticket's text.
    return CustomerServiceWindow.isOpen(ticket.getLastInboundAt(), now)
        ? "¿Cómo te atendimos? 😞 / 😐 / 😀"
        : "¿Cómo te atendimos? / How did we do? (template, survey link)";
  }

  @Override
  public void send(
      Ticket ticket, Message message, String token, CsatSettings settings, Instant now) {
    Optional<JsonObject> payload =
        CustomerServiceWindow.isOpen(ticket.getLastInboundAt(), now)
            ? Optional.of(buttons(token))
            : template(ticket, settings, token);
    if (payload.isEmpty()) {
      message.updateDelivery(
          org.ventanilla.ticket.DeliveryStatus.FAILED,
          "The 24-hour window is closed and no survey template is set (PUT /settings/csat)");
      return;
    }
    whatsapp.add(new SurveySend(message.getId(), payload.get().toString()));
    outbox.enqueueThrough(message, ticket.getSourceId(), now);
  }

  static JsonObject buttons(String token) {
    List<WhatsAppInteractive.Choice> choices = new java.util.ArrayList<>();
    String[][] faces = {{"1", "😞"}, {"3", "😐"}, {"5", "😀"}};
    for (String[] face : faces) {
      choices.add(new WhatsAppInteractive.Choice("csat:" + token + ":" + face[0], face[1]));
    }
    WhatsAppInteractive interactive =
        WhatsAppInteractive.buttons("¿Cómo te atendimos? / How did we do?", choices);
    return Json.createObjectBuilder()
        .add("type", "interactive")
        .add("interactive", interactive.toJson())
        .build();
  }

  private Optional<JsonObject> template(Ticket ticket, CsatSettings settings, String token) {
    String name = settings.getWhatsappTemplate();
    if (name == null
        || ticket.getSourceId() == null
        || !(em.find(Channel.class, ticket.getSourceId()) instanceof WhatsAppChannel channel)) {
      return Optional.empty();
    }
    String language =
        whatsapp.templates(channel).stream()
            .filter(t -> t.getName().equals(name))
            .map(WhatsAppTemplate::getLanguage)
            .findFirst()
            .orElse("es");
    return Optional.of(
        Json.createObjectBuilder()
            .add("type", "template")
            .add(
                "template",
                Json.createObjectBuilder()
                    .add("name", name)
                    .add("language", Json.createObjectBuilder().add("code", language))
                    .add(
                        "components",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("type", "button")
                                    .add("sub_type", "url")
                                    .add("index", "0")
                                    .add(
                                        "parameters",
                                        Json.createArrayBuilder()
                                            .add(
                                                Json.createObjectBuilder()
                                                    .add("type", "text")
                                                    .add("text", token))))))
            .build());
  }

  /** The token and score of a survey button the customer tapped, if the text is one. */
  static Optional<String[]> answer(String type, String text) {
    if (!"interactive".equals(type) || text == null) {
      return Optional.empty();
    }
    Matcher m = ANSWER.matcher(text);
    return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
  }
}
