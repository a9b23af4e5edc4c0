package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.email.ParsedMail.ParsedAttachment;
import org.ventanilla.ticket.Message;

class MailParserTest {

  private static byte[] mail(String name) throws IOException {
    try (InputStream in = MailParserTest.class.getResourceAsStream("/mail/" + name)) {
      return in.readAllBytes();
    }
  }

  private static ParsedMail parse(String name) throws Exception {
    return MailParser.parse(mail(name));
  }

  @Test
  void utf8EncodedWordsAndQuotedPrintableBodyAreDecoded() throws Exception {
    ParsedMail m = parse("thunderbird-utf8.eml");
    assertEquals("Pedido sin recibir — ¿dónde está?", m.subject());
    assertEquals("lucia.garcia@example.com", m.fromAddress());
    assertEquals("Lucía García", m.fromName());
    assertEquals("<3f1a2b4c-aaaa-4bbb-8ccc-1234567890ab@example.com>", m.messageId());
    assertTrue(m.text().contains("todavía no ha llegado. 😟"), m.text());
    assertFalse(m.automatic());
    assertNull(m.html());
  }

  @Test
  void latin1EncodedWordsAndEightBitBodyAreDecoded() throws Exception {
    ParsedMail m = parse("latin1-encoded-words.eml");
    assertEquals("Información de envío urgente", m.subject());
    assertEquals("José María Peña", m.fromName());
    assertTrue(
        m.text().startsWith("Buenos días, ¿podrían enviarme la información del envío?"), m.text());
  }

  @Test
  void htmlOnlyMailGetsTextDerivedFromItAndKeepsTheHtml() throws Exception {
    ParsedMail m = parse("outlook-html-only.eml");
    assertNotNull(m.html());
    assertTrue(m.html().contains("<script>"), "stored as received, sanitized only when shown");
    assertTrue(m.text().contains("The mug I received was broken."), m.text());
    assertTrue(m.text().contains("Could I get a refund or a replacement?"), m.text());
    assertFalse(m.text().contains("alert"), m.text());
    assertFalse(m.text().contains("color:red"), m.text());
  }

  @Test
  void nestedMultipartsGiveTextHtmlInlineImageAndAttachment() throws Exception {
    ParsedMail m = parse("gmail-related-attachment.eml");
    assertTrue(m.text().startsWith("Aquí va la foto del ticket."), m.text());
    assertTrue(m.html().contains("cid:img1@gmail"));
    assertEquals("Re: ¿Tenéis la talla M? [#1001]", m.subject());
    List<ParsedAttachment> files = m.attachments();
    assertEquals(2, files.size(), files::toString);
    assertEquals("image.png", files.get(0).filename());
    assertEquals("<img1@gmail>", files.get(0).contentId());
    assertEquals("recibo nº 4521.pdf", files.get(1).filename());
    assertEquals("application/pdf", files.get(1).contentType());
    assertTrue(new String(files.get(1).content(), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
  }

  @Test
  void everyIdInInReplyToAndReferencesIsKeptNearestFirst() throws Exception {
    ParsedMail m = parse("gmail-related-attachment.eml");
    assertEquals(
        List.of("<ventanilla-1001-77@example.com>", "<first-thread-id@example.com>"),
        m.threadIds());
  }

  @Test
  void vacationReplyIsAutomatic() throws Exception {
    ParsedMail m = parse("vacation-auto-reply.eml");
    assertTrue(m.automatic());
    assertFalse(m.isBounce());
    assertEquals("José María", m.fromName());
  }

  @Test
  void deliveryStatusReportIsABounceNamingOurOriginalMessage() throws Exception {
    ParsedMail m = parse("bounce-dsn.eml");
    assertTrue(m.isBounce());
    assertEquals("<ventanilla-1003-9@example.com>", m.bounce().originalMessageId());
    assertEquals("nobody@nowhere.example", m.bounce().recipient());
    assertTrue(m.bounce().reason().startsWith("5.1.1 550 5.1.1"), m.bounce().reason());
    assertTrue(m.bounce().reason().contains("User unknown"), m.bounce().reason());
  }

  @Test
  void windows1252LabelledAsLatin1KeepsEuroAndQuotes() throws Exception {
    assertEquals(
        "Le prix est de 20€ “tout compris”.", parse("windows1252-labelled-latin1.eml").text());
  }

  @Test
  void unlabelledUtf8InHeadersAndBodyIsReadAsUtf8() throws Exception {
    ParsedMail m = parse("unlabelled-utf8.eml");
    assertEquals("Camión retrasado", m.subject());
    assertEquals("El camión llegó tarde — otra vez.", m.text());
  }

  @Test
  void missingMessageIdGetsAStableSyntheticOne() throws Exception {
    ParsedMail first = parse("no-message-id.eml");
    ParsedMail again = parse("no-message-id.eml");
    assertTrue(first.syntheticMessageId());
    assertEquals(first.messageId(), again.messageId());
    assertTrue(first.messageId().endsWith("@synthetic.ventanilla>"));
  }

  @Test
  void bytesThatAreNotAMailAreRefused() {
    assertThrows(MalformedMailException.class, () -> parse("malformed-no-sender.eml"));
    assertThrows(MalformedMailException.class, () -> MailParser.parse(new byte[0]));
  }

  @Test
  void oversizedAttachmentIsRecordedByNameAndSizeWithoutContent() throws Exception {
    byte[] big = new byte[(int) MailParser.MAX_ATTACHMENT_BYTES + 1024];
    String raw =
        "From: a@example.com\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhola\r\n"
            + "--b\r\nContent-Type: application/octet-stream; name=huge.bin\r\n"
            + "Content-Disposition: attachment; filename=huge.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + java.util.Base64.getMimeEncoder().encodeToString(big)
            + "\r\n--b--\r\n";
    ParsedMail m = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    ParsedAttachment huge = m.attachments().get(0);
    assertEquals("huge.bin", huge.filename());
    assertEquals(big.length, huge.size());
    assertNull(huge.content());
    assertTrue(huge.note().startsWith("Not stored"));
    assertEquals("hola", m.text());
  }

  @Test
  void mailBombOfThousandsOfPartsIsCutShortButStillLands() throws Exception {
    StringBuilder raw =
        new StringBuilder(
            "From: bomb@example.com\r\nSubject: bomb\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
    for (int i = 0; i < 10_000; i++) {
      raw.append("--b\r\nContent-Type: application/octet-stream; name=p")
          .append(i)
          .append("\r\n\r\nx\r\n");
    }
    raw.append("--b--\r\n");
    ParsedMail m = MailParser.parse(raw.toString().getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.attachments().size() < MailParser.MAX_PARTS, "parts: " + m.attachments().size());
    assertTrue(m.text().endsWith(MailParser.CUT_NOTE), "agents are told: " + m.text());
  }

  @Test
  void aMailTextOverTheMessageLimitLandsCutWithANote() throws Exception {
    String raw =
        "From: long@example.com\r\nSubject: long\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\n"
            + "palabra ".repeat(300_000)
            + "\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>"
            + "palabra ".repeat(300_000)
            + "</p>\r\n--b--\r\n";
    ParsedMail m = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    assertTrue(m.text().length() <= Message.MAX_CONTENT, "text: " + m.text().length());
    assertTrue(m.text().startsWith("palabra palabra"));
    assertTrue(m.text().endsWith(MailParser.LONG_NOTE), "agents are told");
    assertTrue(m.html().length() <= Message.MAX_CONTENT, "html: " + m.html().length());
    assertTrue(m.html().endsWith("<p>" + MailParser.LONG_NOTE + "</p>"));
  }

  @Test
  void anOrdinaryMailCarriesNoCutNote() throws Exception {
    String raw =
        "From: x@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nhola\r\n"
            + "--b\r\nContent-Type: text/html\r\n\r\n<p>hola</p>\r\n--b--\r\n";
    ParsedMail m = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    assertEquals("hola", m.text());
    assertEquals("<p>hola</p>", m.html().strip());
  }

  @Test
  void aSenderNameIsOneLine() throws Exception {
    String raw =
        "From: =?UTF-8?B?RXZlDQpCY2M6IGV2aWxAZXhhbXBsZS5jb20=?= <eve@example.com>\r\n"
            + "Subject: s\r\n\r\nbody\r\n";
    ParsedMail m = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    assertEquals("Eve Bcc: evil@example.com", m.fromName());
    assertEquals("eve@example.com", m.fromAddress());
  }

  @Test
  void headerInjectionInTheSubjectIsFlattened() throws Exception {
    String raw =
        "From: x@example.com\r\nSubject: =?UTF-8?Q?Hola=0D=0ABcc:_victim@example.com?=\r\n\r\nbody\r\n";
    ParsedMail m = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
    assertFalse(m.subject().contains("\n"));
    assertFalse(m.subject().contains("\r"));
  }

  @Test
  void pdfBytesSurviveUnchanged() throws Exception {
    byte[] pdf = parse("gmail-related-attachment.eml").attachments().get(1).content();
    assertArrayEquals(
        "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
        pdf);
  }
}
