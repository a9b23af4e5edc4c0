package org.ventanilla.channel.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signature as it leaves: the agent's own (optional) above the mailbox's, each with its
 * placeholders filled. A placeholder we do not know stays as typed, so a typo shows in the first
 * mail instead of vanishing.
 */
public final class MailSignature {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+\\.[a-zA-Z]+)}");

  private MailSignature() {}

  /** What the placeholders stand for in one reply; null values leave an empty string. */
  public record Values(
      String agentName,
      String agentEmail,
      String mailboxName,
      String mailboxAddress,
      long ticketNumber,
      String ticketSubject,
      String customerName) {

    Map<String, String> asMap() {
      Map<String, String> map = new LinkedHashMap<>();
      map.put("agent.name", agentName);
      map.put("agent.firstName", firstName(agentName));
      map.put("agent.email", agentEmail);
      map.put("mailbox.name", mailboxName);
      map.put("mailbox.address", mailboxAddress);
      map.put("ticket.number", "#" + ticketNumber);
      map.put("ticket.subject", ticketSubject);
      map.put("customer.name", customerName);
      return map;
    }

    private static String firstName(String name) {
      if (name == null || name.isBlank()) {
        return null;
      }
      return name.strip().split("\\s+", 2)[0];
    }
  }

  /** The placeholders every signature may use, as the mailbox page lists them. */
  public static final String PLACEHOLDERS =
      "{agent.name} {agent.firstName} {agent.email} {mailbox.name} {mailbox.address}"
          + " {ticket.number} {ticket.subject} {customer.name}";

  /**
   * The agent's signature, then the mailbox's, filled in and separated by a blank line; null when
   * neither has one.
   */
  public static String of(String agentSignature, String mailboxSignature, Values values) {
    String agent = fill(agentSignature, values);
    String mailbox = fill(mailboxSignature, values);
    if (agent == null) {
      return mailbox;
    }
    return mailbox == null ? agent : agent + "\n\n" + mailbox;
  }

  static String fill(String template, Values values) {
    if (template == null || template.isBlank()) {
      return null;
    }
    Map<String, String> map = values.asMap();
    Matcher m = PLACEHOLDER.matcher(template.strip());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String value = map.containsKey(key) ? map.get(key) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
