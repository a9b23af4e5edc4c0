package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailSenderTest {

  private static OutgoingMail mail(
      String fromName, String subject, String inReplyTo, List<String> references) {
    return new OutgoingMail(
        "smtp.example.com",
        587,
        MailSecurity.STARTTLS,
        "support@example.com",
        "secret",
        "support@example.com",
        fromName,
        "lucia@example.com",
        subject,
        "<ventanilla.1.2.x@example.com>",
        inReplyTo,
        references,
        "Hola",
        false,
        null);
  }

  private static String headers(MimeMessage mime) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mime.writeTo(out);
    String raw = out.toString(StandardCharsets.UTF_8);
    return raw.substring(0, raw.indexOf("\r\n\r\n"));
  }

  @Test
  @DisplayName("CR and LF in any value never make a header of their own")
  void lineBreaksInHeaderValuesAreFlattened() throws Exception {
    MimeMessage mime =
        EmailSender.compose(
            Session.getInstance(new Properties()),
            mail(
                "Ana\r\nBcc: evil@example.com",
                "Re: hola\r\nBcc: evil@example.com [#1]",
                "<a@example.com>\r\nBcc: evil@example.com",
                List.of("<b@example.com>\nX-Injected: 1", "<c@example.com>")));

    assertNull(mime.getHeader("Bcc"));
    assertNull(mime.getHeader("X-Injected"));
    assertArrayEquals(
        new String[] {"<a@example.com> Bcc: evil@example.com"}, mime.getHeader("In-Reply-To"));
    assertEquals(
        "<b@example.com> X-Injected: 1 <c@example.com>", mime.getHeader("References", " "));
    assertEquals("Re: hola Bcc: evil@example.com [#1]", mime.getSubject());
    for (String line : headers(mime).split("\r\n")) {
      boolean folded = line.startsWith(" ") || line.startsWith("\t");
      assertFalse(!folded && (line.startsWith("Bcc:") || line.startsWith("X-Injected:")), line);
    }
  }

  @Test
  @DisplayName("an ordinary reply keeps its threading headers as they are")
  void ordinaryHeadersAreKept() throws Exception {
    MimeMessage mime =
        EmailSender.compose(
            Session.getInstance(new Properties()),
            mail("Ana López", "Re: Pedido [#1042]", "<a@example.com>", List.of("<a@example.com>")));
    assertEquals("<a@example.com>", mime.getHeader("In-Reply-To", null));
    assertEquals("<a@example.com>", mime.getHeader("References", null));
    assertEquals("<ventanilla.1.2.x@example.com>", mime.getMessageID());
    assertEquals("Re: Pedido [#1042]", mime.getSubject());
  }

  @Test
  @DisplayName("a forward's subject is Fwd: with the ticket's tag, whatever prefixes it had")
  void forwardSubjectReplacesPrefixes() {
    assertEquals("Fwd: Pedido [#7]", EmailSender.forwardSubject("Re: RE: Pedido [#7]", 7));
    assertEquals("Fwd: Pieza rota [#12]", EmailSender.forwardSubject("Pieza rota", 12));
  }

  @Test
  @DisplayName("text and HTML go as multipart/alternative inside multipart/mixed with the files")
  void htmlAndFilesNest() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("factura", ".pdf");
    java.nio.file.Files.writeString(file, "%PDF-1.4");
    OutgoingMail mail =
        new OutgoingMail(
            "smtp.example.com",
            587,
            MailSecurity.STARTTLS,
            null,
            null,
            "support@example.com",
            "Ana",
            "lucia@example.com",
            "Re: Pedido [#1]",
            "<ventanilla.1.2.x@example.com>",
            null,
            List.of(),
            "Hola *Lucía*",
            "<p>Hola <strong>Lucía</strong></p>",
            false,
            List.of(),
            List.of(),
            List.of(new OutgoingMail.File("factura.pdf", "application/pdf", file)),
            null);

    MimeMessage mime = EmailSender.compose(Session.getInstance(new Properties()), mail);

    jakarta.mail.internet.MimeMultipart mixed =
        (jakarta.mail.internet.MimeMultipart) mime.getContent();
    assertTrue(mixed.getContentType().startsWith("multipart/mixed"), mixed.getContentType());
    jakarta.mail.internet.MimeMultipart alternative =
        (jakarta.mail.internet.MimeMultipart) mixed.getBodyPart(0).getContent();
    assertTrue(alternative.getContentType().startsWith("multipart/alternative"));
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertEquals("Hola *Lucía*", alternative.getBodyPart(0).getContent());
    assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
    assertEquals("factura.pdf", mixed.getBodyPart(1).getFileName());
  }
}
