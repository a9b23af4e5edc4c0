package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ventanilla.channel.whatsapp.WebhookEvents.Choice;
import org.ventanilla.channel.whatsapp.WebhookEvents.IdentityChange;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;

/**
 * Reads Meta's webhook JSON ({@code entry[].changes[].value} with {@code metadata}, {@code
 * contacts}, {@code messages}, {@code statuses}) into plain records. Every message becomes
 * something an agent can read; a type we do not know is kept with its raw JSON, never dropped.
 */
public final class WebhookParser {

  private static final Set<String> MEDIA = Set.of("image", "document", "audio", "video", "sticker");

  private WebhookParser() {}

  /** The numbers a delivery claims to be for, read only to pick the app secret to verify with. */
  public static Set<String> phoneNumberIds(String body) {
    Set<String> ids = new LinkedHashSet<>();
    try {
      for (JsonObject value : values(read(body))) {
        JsonObject metadata = object(value, "metadata");
        String id = string(metadata, "phone_number_id");
        if (id != null) {
          ids.add(id);
        }
      }
    } catch (JsonException | ClassCastException | IllegalStateException e) {
      // Malformed: no hint, every channel's secret is tried.
    }
    return ids;
  }

  /**
   * Why a body is not a JSON object, if it is not. Parsson refuses nesting deeper than its limit
   * (1000 levels) before the stack runs out, with a plain RuntimeException rather than a
   * JsonException: every failure of the parser counts.
   */
  public static Optional<String> malformation(String body) {
    try {
      read(body);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  public static WebhookEvents parse(String body) {
    List<Inbound> messages = new ArrayList<>();
    List<StatusUpdate> statuses = new ArrayList<>();
    for (JsonObject value : values(read(body))) {
      String phoneNumberId = string(object(value, "metadata"), "phone_number_id");
      JsonArray contacts = array(value, "contacts");
      for (JsonObject m : objects(array(value, "messages"))) {
        messages.add(inbound(phoneNumberId, m, contacts));
      }
      for (JsonObject s : objects(array(value, "statuses"))) {
        statuses.add(status(phoneNumberId, s));
      }
    }
    return new WebhookEvents(messages, statuses);
  }

  private static Inbound inbound(String phoneNumberId, JsonObject m, JsonArray contacts) {
    String from = string(m, "from");
    String type = string(m, "type");
    String kind = type == null ? "unknown" : type;
    Media media = null;
    String text;
    if (MEDIA.contains(kind) && m.get(kind) instanceof JsonObject file) {
      media =
          new Media(
              string(file, "id"),
              string(file, "mime_type"),
              string(file, "sha256"),
              string(file, "filename"));
      String caption = string(file, "caption");
      text =
          caption != null
              ? caption
              : "[" + kind + (media.filename() == null ? "" : ": " + media.filename()) + "]";
    } else {
      text = text(kind, m);
    }
    String fromUserId = string(m, "from_user_id");
    JsonObject contact = contact(contacts, from, fromUserId);
    String userId = fromUserId != null ? fromUserId : string(contact, "user_id");
    String parentUserId = string(m, "from_parent_user_id");
    if (parentUserId == null) {
      parentUserId = string(contact, "parent_user_id");
    }
    String username = string(object(contact, "profile"), "username");
    if (username == null) {
      username = string(contact, "username");
    }
    if (from == null && contact != null) {
      from = string(contact, "wa_id");
    }
    IdentityChange change = null;
    if ("system".equals(kind)) {
      JsonObject system = object(m, "system");
      String newWaId = string(system, "wa_id");
      if (newWaId == null) {
        newWaId = string(system, "new_wa_id");
      }
      String newUserId = string(system, "user_id");
      if (newUserId == null) {
        newUserId = string(system, "new_user_id");
      }
      change =
          new IdentityChange(string(system, "type"), newWaId, newUserId, string(system, "body"));
    }
    Choice choice = null;
    if ("interactive".equals(kind)) {
      JsonObject i = object(m, "interactive");
      for (String answer : List.of("button_reply", "list_reply")) {
        JsonObject reply = object(i, answer);
        if (reply != null) {
          choice = new Choice(answer, string(reply, "id"), string(reply, "title"));
        }
      }
    }
    return new Inbound(
        phoneNumberId,
        from,
        contact == null ? profileName(contacts, from) : string(object(contact, "profile"), "name"),
        string(m, "id"),
        epochSeconds(string(m, "timestamp")),
        kind,
        text,
        media,
        string(object(m, "context"), "id"),
        userId,
        parentUserId,
        username,
        change,
        choice);
  }

  /** The contacts entry of the sender: by phone ({@code wa_id}) or BSUID ({@code user_id}). */
  private static JsonObject contact(JsonArray contacts, String waId, String userId) {
    List<JsonObject> all = objects(contacts);
    for (JsonObject c : all) {
      if ((waId != null && waId.equals(string(c, "wa_id")))
          || (userId != null && userId.equals(string(c, "user_id")))) {
        return c;
      }
    }
    return all.size() == 1 ? all.get(0) : null;
  }

  private static String text(String type, JsonObject m) {
    switch (type) {
      case "text":
        return string(object(m, "text"), "body");
      case "system":
        return "[system] " + string(object(m, "system"), "body");
      case "location":
        {
          JsonObject l = object(m, "location");
          StringBuilder s = new StringBuilder("[location]");
          appendIf(s, " ", string(l, "name"));
          appendIf(s, ", ", string(l, "address"));
          s.append(" (").append(number(l, "latitude")).append(", ");
          s.append(number(l, "longitude")).append(')');
          appendIf(s, " ", string(l, "url"));
          return s.toString();
        }
      case "contacts":
        {
          StringBuilder s = new StringBuilder("[contacts]");
          for (JsonObject c : objects(array(m, "contacts"))) {
            s.append("\n").append(string(object(c, "name"), "formatted_name"));
            for (JsonObject phone : objects(array(c, "phones"))) {
              appendIf(s, " ", string(phone, "phone"));
            }
            for (JsonObject email : objects(array(c, "emails"))) {
              appendIf(s, " ", string(email, "email"));
            }
          }
          return s.toString();
        }
      case "interactive":
        {
          JsonObject i = object(m, "interactive");
          JsonObject reply = object(i, "button_reply");
          if (reply == null) {
            reply = object(i, "list_reply");
          }
          if (reply == null) {
            return unsupported("interactive/" + string(i, "type"), m);
          }
          String description = string(reply, "description");
          return string(reply, "title")
              + (description == null ? "" : " — " + description)
              + " ["
              + string(reply, "id")
              + "]";
        }
      case "button":
        {
          JsonObject b = object(m, "button");
          return string(b, "text") + " [" + string(b, "payload") + "]";
        }
      case "reaction":
        {
          JsonObject r = object(m, "reaction");
          String emoji = string(r, "emoji");
          return (emoji == null || emoji.isEmpty()
                  ? "[reaction removed]"
                  : "[reaction " + emoji + "]")
              + " to "
              + string(r, "message_id");
        }
      default:
        return unsupported(type, m);
    }
  }

  /** Kept with its raw JSON, so that nothing the customer sent is lost on us. */
  private static String unsupported(String type, JsonObject m) {
    return "[unsupported message type: " + type + "]\n" + m;
  }

  private static StatusUpdate status(String phoneNumberId, JsonObject s) {
    String error = null;
    List<JsonObject> errors = objects(array(s, "errors"));
    if (!errors.isEmpty()) {
      JsonObject e = errors.get(0);
      String details = string(object(e, "error_data"), "details");
      error =
          "("
              + number(e, "code")
              + ") "
              + (string(e, "title") == null ? string(e, "message") : string(e, "title"))
              + (details == null ? "" : ": " + details);
    }
    WebhookEvents.Pricing pricing = null;
    JsonObject p = object(s, "pricing");
    if (p != null && string(p, "category") != null) {
      JsonValue billable = p.get("billable");
      pricing =
          new WebhookEvents.Pricing(
              string(p, "pricing_model"),
              string(p, "category"),
              string(p, "type"),
              billable == JsonValue.TRUE
                  ? Boolean.TRUE
                  : billable == JsonValue.FALSE ? false : null);
    }
    return new StatusUpdate(
        phoneNumberId,
        string(s, "id"),
        string(s, "status"),
        epochSeconds(string(s, "timestamp")),
        error,
        pricing);
  }

  private static String profileName(JsonArray contacts, String waId) {
    String first = null;
    for (JsonObject c : objects(contacts)) {
      String name = string(object(c, "profile"), "name");
      if (waId != null && waId.equals(string(c, "wa_id"))) {
        return name;
      }
      first = first == null ? name : first;
    }
    return first;
  }

  private static List<JsonObject> values(JsonObject root) {
    List<JsonObject> values = new ArrayList<>();
    for (JsonObject entry : objects(array(root, "entry"))) {
      for (JsonObject change : objects(array(entry, "changes"))) {
        JsonObject value = object(change, "value");
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /**
   * Made once: Json.createReader looks the provider up on every call, and that lookup throws and
   * catches a ClassNotFoundException each time (its OSGi probe), which showed in webhook profiles.
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static JsonObject read(String body) {
    try (JsonReader reader = READERS.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static Instant epochSeconds(String value) {
    if (value == null || !value.matches("\\d{1,12}")) {
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(value));
  }

  private static void appendIf(StringBuilder s, String separator, String value) {
    if (value != null && !value.isBlank()) {
      s.append(separator).append(value);
    }
  }

  private static JsonObject object(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonObject v ? v : null;
  }

  private static JsonArray array(JsonObject o, String key) {
    return o != null && o.get(key) instanceof JsonArray v ? v : null;
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    if (array != null) {
      for (JsonValue v : array) {
        if (v instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  private static String string(JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    JsonValue v = o.get(key);
    if (v instanceof jakarta.json.JsonString s) {
      return s.getString();
    }
    if (v instanceof jakarta.json.JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private static String number(JsonObject o, String key) {
    String value = string(o, key);
    return value == null ? "?" : value;
  }
}
