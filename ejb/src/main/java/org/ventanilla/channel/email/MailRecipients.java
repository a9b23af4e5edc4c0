package org.ventanilla.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A received mail's own To and Cc, read from the headers the parser read already (not parsed a
 * second time), for the next reply's suggested CC. A header that cannot be read gives no addresses:
 * never a reason to refuse the mail.
 */
public record MailRecipients(List<String> to, List<String> cc) {

  static final MailRecipients NONE = new MailRecipients(List.of(), List.of());

  static MailRecipients of(MimeMessage headers) {
    try {
      return new MailRecipients(
          addresses(headers.getHeader("To", ",")), addresses(headers.getHeader("Cc", ",")));
    } catch (MessagingException | RuntimeException e) {
      return NONE;
    }
  }

  private static List<String> addresses(String header) {
    List<String> found = new ArrayList<>();
    if (header == null) {
      return List.of();
    }
    try {
      for (InternetAddress a : InternetAddress.parseHeader(header, false)) {
        if (a.getAddress() != null && !a.isGroup()) {
          found.add(a.getAddress());
        }
      }
    } catch (AddressException e) {
      // Unreadable: nothing to suggest.
    }
    return List.copyOf(found);
  }
}
