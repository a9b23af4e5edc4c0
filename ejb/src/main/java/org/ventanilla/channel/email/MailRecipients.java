package org.ventanilla.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A received mail's own To and Cc, read from its raw header, for the next reply's suggested CC. A
 * header that cannot be read gives no addresses: never a reason to refuse the mail.
 */
record MailRecipients(List<String> to, List<String> cc) {

  static MailRecipients of(byte[] raw) {
    try {
      InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
      return new MailRecipients(
          addresses(headers.getHeader("To", ",")), addresses(headers.getHeader("Cc", ",")));
    } catch (MessagingException | RuntimeException e) {
      return new MailRecipients(List.of(), List.of());
    }
  }

  private static List<String> addresses(String header) {
    List<String> found = new ArrayList<>();
    if (header == null) {
      return found;
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
    return found;
  }
}
