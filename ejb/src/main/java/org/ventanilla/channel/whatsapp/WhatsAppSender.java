package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.OutboundSender;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.SendResult;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerContact;
import org.ventanilla.ticket.Message;

/**
 * Sends replies through the Cloud API's messages endpoint: free text, or an approved template when
 * the reply was written as one. Network trouble, 429 and 5xx are worth another try; any other 4xx
 * is Meta saying no for good (131047: the 24-hour window closed; 131026: not a WhatsApp user), kept
 * on the message with Meta's code.
 */
@ApplicationScoped
public class WhatsAppSender implements OutboundSender<WhatsAppSender.Request> {

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject GraphApi api;
  @Inject WhatsAppMedia media;
  @Inject org.ventanilla.ticket.AttachmentStore store;

  /**
   * One call to make, or why it cannot be made; with {@code media}, the files to upload to {@code
   * mediaUrl} and send (the {@code json} text message gives the addressing and the caption).
   */
  public record Request(
      String url,
      String token,
      String json,
      String problem,
      String mediaUrl,
      List<WhatsAppMedia.File> media) {
    public Request(String url, String token, String json, String problem) {
      this(url, token, json, problem, null, List.of());
    }
  }

  /**
   * Who a message goes to: a phone number ({@code to}) when we know one, otherwise the
   * business-scoped user id ({@code recipient}); Meta lets {@code to} win when both are given, so
   * only one is ever sent.
   */
  public record Recipient(String phone, String userId) {
    public Recipient {
      if (phone == null && userId == null) {
        throw new IllegalArgumentException("a recipient needs a phone number or a user id");
      }
    }

    public static Recipient phone(String number) {
      return new Recipient(number.startsWith("+") ? number.substring(1) : number, null);
    }

    public static Recipient userId(String bsuid) {
      return new Recipient(null, bsuid);
    }

    /**
     * An address as we store it: a BSUID looks like {@code US.13491208655302741918} (a country
     * code, a dot, letters and digits), a phone number has digits only.
     */
    public static Recipient of(String address) {
      return isUserId(address) ? userId(address) : phone(address);
    }

    public static boolean isUserId(String address) {
      return address != null && address.indexOf('.') > 0;
    }
  }

  @Override
  public ChannelType type() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public Request prepare(Message message, Channel channel) {
    WhatsAppChannel number = (WhatsAppChannel) channel;
    if (number.getAccessTokenSealed() == null) {
      return new Request(null, null, null, "The WhatsApp channel has no access token");
    }
    Optional<String> to =
        address(whatsapp.lastSender(message.getTicket()), message.getTicket().getCustomer());
    if (to.isEmpty()) {
      return new Request(null, null, null, "The customer has no WhatsApp number");
    }
    Recipient recipient = Recipient.of(to.get());
    Optional<SurveySend> survey =
        Optional.ofNullable(whatsapp.find(SurveySend.class, message.getId()));
    String json =
        survey.isPresent()
            ? surveyBody(recipient, survey.get().getPayloadJson())
            : whatsapp
                .templateSend(message.getId())
                .map(
                    t ->
                        t.getComponentsJson() != null
                            ? templateBody(
                                recipient, t.getName(), t.getLanguage(), t.getComponentsJson())
                            : templateBody(
                                recipient, t.getName(), t.getLanguage(), t.getParameters()))
                .orElseGet(() -> textBody(recipient, whatsAppText(message)));
    List<WhatsAppMedia.File> files =
        message.getAttachments().stream()
            .filter(a -> a.getStoragePath() != null)
            .map(
                a ->
                    new WhatsAppMedia.File(
                        a.getFilename(), a.getContentType(), store.resolve(a.getStoragePath())))
            .toList();
    return new Request(
        number.apiUrl(number.getPhoneNumberId() + "/messages"),
        secrets.decrypt(number.getAccessTokenSealed()),
        json,
        null,
        number.apiUrl(number.getPhoneNumberId() + "/media"),
        files);
  }

  /** WhatsApp reads its own marks (*bold*, _italic_), never HTML: Markdown is mapped to them. */
  static String whatsAppText(Message message) {
    return message.isWrittenInMarkdown()
        ? org.ventanilla.common.Markdown.plain(message.getText())
        : message.getText();
  }

  /** A survey's body (buttons or template, see WhatsAppSurveys) addressed to the customer. */
  static String surveyBody(Recipient to, String payload) {
    JsonObjectBuilder body = base(to);
    read(payload).forEach(body::add);
    return body.build().toString();
  }

  /**
   * Where a reply goes: the address the customer last wrote from while it is still theirs (a {@code
   * system} message may have replaced it), else a phone seen on WhatsApp, their BSUID, or any
   * phone.
   */
  static Optional<String> address(Optional<String> lastSender, Customer customer) {
    List<CustomerContact> contacts = customer.getContacts();
    Optional<CustomerContact> last =
        lastSender.flatMap(
            a ->
                contacts.stream()
                    .filter(
                        c ->
                            c.getValue().equals(a)
                                && (c.getType() == ContactType.PHONE
                                    || c.getType() == ContactType.WHATSAPP_USER))
                    .findFirst());
    if (last.isPresent() && last.get().getType() == ContactType.PHONE) {
      return Optional.of(last.get().getValue());
    }
    // A BSUID: the phone it came with when we have it (Meta: a contact with a phone gets "to").
    Optional<String> paired =
        last.map(CustomerContact::getWaId)
            .map(w -> "+" + w)
            .filter(
                p ->
                    contacts.stream()
                        .anyMatch(c -> c.getType() == ContactType.PHONE && c.getValue().equals(p)));
    return paired
        .or(() -> first(contacts, ContactType.PHONE, true))
        .or(() -> last.map(CustomerContact::getValue))
        .or(() -> first(contacts, ContactType.WHATSAPP_USER, false))
        .or(() -> first(contacts, ContactType.PHONE, false));
  }

  private static Optional<String> first(
      List<CustomerContact> contacts, ContactType type, boolean seenOnWhatsApp) {
    return contacts.stream()
        .filter(c -> c.getType() == type && (!seenOnWhatsApp || c.isWhatsApp()))
        .map(CustomerContact::getValue)
        .findFirst();
  }

  static String textBody(String to, String text) {
    return textBody(Recipient.phone(to), text);
  }

  static String textBody(Recipient to, String text) {
    return base(to)
        .add("type", "text")
        .add("text", Json.createObjectBuilder().add("preview_url", false).add("body", text))
        .build()
        .toString();
  }

  static String templateBody(String to, String name, String language, List<String> parameters) {
    return templateBody(Recipient.phone(to), name, language, parameters);
  }

  static String templateBody(Recipient to, String name, String language, List<String> parameters) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    parameters.forEach(
        p -> values.add(Json.createObjectBuilder().add("type", "text").add("text", p)));
    JsonObjectBuilder template =
        Json.createObjectBuilder()
            .add("name", name)
            .add("language", Json.createObjectBuilder().add("code", language));
    if (!parameters.isEmpty()) {
      template.add(
          "components",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("type", "body").add("parameters", values)));
    }
    return base(to).add("type", "template").add("template", template).build().toString();
  }

  /** A template send with its components as built from the synced template (Meta's shape). */
  static String templateBody(Recipient to, String name, String language, String components) {
    JsonObjectBuilder template =
        Json.createObjectBuilder()
            .add("name", name)
            .add("language", Json.createObjectBuilder().add("code", language));
    try (JsonReader reader = Json.createReader(new StringReader(components))) {
      jakarta.json.JsonArray array = reader.readArray();
      if (!array.isEmpty()) {
        template.add("components", array);
      }
    }
    return base(to).add("type", "template").add("template", template).build().toString();
  }

  /** The fields every send call starts with, addressed to {@code to}. */
  static JsonObjectBuilder base(Recipient to) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual");
    return to.phone() != null ? json.add("to", to.phone()) : json.add("recipient", to.userId());
  }

  @Override
  public SendResult send(Request request) {
    if (request.problem() != null) {
      return new SendResult.Refused(request.problem());
    }
    if (!request.media().isEmpty()) {
      return media.send(
          request.mediaUrl(), request.url(), request.token(), request.json(), request.media(), api);
    }
    HttpResponse<String> response;
    try {
      response = api.postJson(request.url(), request.token(), request.json());
    } catch (IOException e) {
      return new SendResult.TryLater("WhatsApp API unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.TryLater("interrupted");
    }
    return classify(response.statusCode(), response.body());
  }

  static SendResult classify(int status, String body) {
    if (status >= 200 && status < 300) {
      try {
        JsonObject json = read(body);
        return new SendResult.Sent(json.getJsonArray("messages").getJsonObject(0).getString("id"));
      } catch (RuntimeException e) {
        // Accepted, but without the id we would match statuses with: sent all the same.
        return new SendResult.Sent(null);
      }
    }
    String error = "HTTP " + status + ": " + apiError(body);
    if (status == 429 || status >= 500) {
      return new SendResult.TryLater(error);
    }
    return new SendResult.Refused(apiError(body));
  }

  /** "(131047) Re-engagement message: details" from Meta's error object, or the raw body. */
  static String apiError(String body) {
    try {
      JsonObject error = read(body).getJsonObject("error");
      String details = null;
      if (error.get("error_data") instanceof JsonObject data) {
        details = data.getString("details", null);
      }
      return "("
          + error.get("code")
          + ") "
          + error.getString("message", "")
          + (details == null ? "" : ": " + details);
    } catch (RuntimeException e) {
      return body == null ? "" : body.substring(0, Math.min(body.length(), 500));
    }
  }

  private static JsonObject read(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
