package org.ventanilla.channel.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.ventanilla.channel.email.ParsedMail.Bounce;
import org.ventanilla.channel.email.ParsedMail.ParsedAttachment;
import org.ventanilla.ticket.Message;

/**
 * Reads raw RFC 5322 mail with Jakarta Mail, as leniently as real mail demands: encoded words,
 * mislabelled charsets, HTML-only bodies, nested multiparts, inline images, bounce reports and
 * automatic replies. Pure: no database, no network.
 */
public final class MailParser {

  /** Largest attachment stored; larger ones are recorded by name and size only. */
  public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

  /** Largest total of attachments stored for one mail. */
  public static final long MAX_MAIL_ATTACHMENT_BYTES = 25L * 1024 * 1024;

  /** A mail bomb of thousands of parts is cut short here; the mail still lands. */
  static final int MAX_PARTS = 500;

  /** Parts nested deeper than this are not read either. */
  static final int MAX_DEPTH = 20;

  static final String CUT_NOTE =
      "[This mail has more than "
          + MAX_PARTS
          + " parts or parts nested more than "
          + MAX_DEPTH
          + " deep: only those were read. The whole mail is still in the mailbox.]";

  static final String LONG_NOTE =
      "[This mail's text is longer than "
          + Message.MAX_CONTENT
          + " characters: only the beginning is shown. The whole mail is still in the mailbox.]";

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern AUTO_SUBJECT =
      Pattern.compile(
          "^(auto(matic)?[ -]?reply|automatische antwort|respuesta autom[aá]tica|out of (the )?office"
              + "|fuera de la oficina|r[ée]ponse automatique|abwesenheitsnotiz|vacation|ausencia)",
          Pattern.CASE_INSENSITIVE);
  private static final Session SESSION = session();

  private MailParser() {}

  private static Session session() {
    Properties props = new Properties();
    // Unlabelled 8-bit headers are usually UTF-8 today; decode them so, not as Latin-1.
    props.setProperty("mail.mime.allowutf8", "true");
    props.setProperty("mail.mime.address.strict", "false");
    props.setProperty("mail.mime.decodetext.strict", "false");
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.base64.ignoreerrors", "true");
    props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    props.setProperty("mail.mime.multipart.allowempty", "true");
    return Session.getInstance(props);
  }

  /**
   * Parses one mail.
   *
   * @throws MalformedMailException when the bytes are not a mail at all (no headers, no sender)
   */
  public static ParsedMail parse(byte[] raw) throws MalformedMailException {
    if (raw == null || raw.length == 0) {
      throw new MalformedMailException("empty message");
    }
    try {
      MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Sender sender = sender(mime);
      String messageId = firstId(mime.getHeader("Message-ID"));
      boolean synthetic = messageId == null;
      if (synthetic) {
        messageId = "<" + sha256(raw).substring(0, 40) + "@synthetic.ventanilla>";
      }
      Body body = new Body();
      walk(mime, body, 0);
      String text = body.text != null ? body.text : body.html != null ? htmlToText(body.html) : "";
      String html = body.html;
      if (body.cut) {
        // Said where agents read it (the HTML when there is one): this is not the whole mail.
        text = text.strip() + "\n\n" + CUT_NOTE;
        html = html == null ? null : html + "<p>" + CUT_NOTE + "</p>";
      }
      // A customer's mail is never refused for its size: what a message cannot keep is cut.
      text = Message.cut(text.strip(), "\n\n" + LONG_NOTE);
      html = Message.cut(html, "<p>" + LONG_NOTE + "</p>");
      Bounce bounce = bounce(mime, sender, body);
      return new ParsedMail(
          messageId,
          synthetic,
          threadIds(mime),
          sender.address,
          sender.name,
          subject(mime),
          mime.getSentDate() == null ? null : mime.getSentDate().toInstant(),
          text.strip(),
          html,
          List.copyOf(body.attachments),
          bounce == null && isAutomatic(mime, sender),
          bounce);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new MalformedMailException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private record Sender(String address, String name) {}

  private static Sender sender(MimeMessage mime) throws MessagingException, MalformedMailException {
    Address[] from;
    try {
      from = mime.getFrom();
    } catch (AddressException e) {
      from = lenientFrom(mime.getHeader("From", ","));
    }
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
      String returnPath = mime.getHeader("Return-Path", null);
      if (returnPath != null && returnPath.contains("@")) {
        String clean = returnPath.replaceAll("[<>\\s]", "");
        return new Sender(clean.toLowerCase(Locale.ROOT), null);
      }
      throw new MalformedMailException("no sender (From header missing or unreadable)");
    }
    if (address.getAddress() == null || !address.getAddress().contains("@")) {
      throw new MalformedMailException("no sender address in From: " + mime.getHeader("From", ","));
    }
    String name = address.getPersonal();
    if (name != null) {
      name =
          decodeWords(name).replaceAll("[\\r\\n\\t]+", " ").strip().replaceAll("^[\"']|[\"']$", "");
    }
    return new Sender(address.getAddress().strip().toLowerCase(Locale.ROOT), blankToNull(name));
  }

  private static Address[] lenientFrom(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+").matcher(header);
    if (!m.find()) {
      return null;
    }
    try {
      String name = header.substring(0, m.start()).replaceAll("[<\"]", "").strip();
      return new Address[] {new InternetAddress(m.group(), name.isEmpty() ? null : name, "UTF-8")};
    } catch (IOException e) {
      return null;
    }
  }

  private static String subject(MimeMessage mime) throws MessagingException {
    String raw = mime.getHeader("Subject", null);
    if (raw == null) {
      return null;
    }
    String unfolded = raw.replaceAll("\\r?\\n[ \\t]", " ");
    return decodeWords(unfolded).replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** RFC 2047 encoded words, also the broken ones real clients write (no spaces, bad charsets). */
  static String decodeWords(String value) {
    try {
      String decoded = MimeUtility.decodeText(value);
      if (decoded.contains("=?")) {
        // Encoded words glued to text or split mid-character: decode each word on its own.
        Matcher m = Pattern.compile("=\\?[^?]+\\?[bBqQ]\\?[^?]*\\?=").matcher(decoded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          String word;
          try {
            word = MimeUtility.decodeWord(m.group());
          } catch (ParseException | java.io.UnsupportedEncodingException e) {
            word = m.group();
          }
          m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        decoded = out.toString();
      }
      return decoded;
    } catch (java.io.UnsupportedEncodingException e) {
      return value;
    }
  }

  private static String firstId(String[] headers) {
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      Matcher m = MESSAGE_ID.matcher(header);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }

  /** Every id in In-Reply-To and References, nearest first: any of them may know the ticket. */
  private static List<String> threadIds(MimeMessage mime) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>();
    for (String header : new String[] {"In-Reply-To", "References"}) {
      String[] values = mime.getHeader(header);
      if (values == null) {
        continue;
      }
      List<String> found = new ArrayList<>();
      for (String value : values) {
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find()) {
          found.add(m.group());
        }
      }
      if (header.equals("References")) {
        java.util.Collections.reverse(found);
      }
      ids.addAll(found);
    }
    return List.copyOf(ids);
  }

  private static final class Body {
    String text;
    String html;
    final List<ParsedAttachment> attachments = new ArrayList<>();
    long storedBytes;
    int parts;
    boolean cut;
    String deliveryStatus;
    String returnedHeaders;
  }

  private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
    if (++body.parts > MAX_PARTS || depth > MAX_DEPTH) {
      body.cut = true;
      return;
    }
    ContentType type = contentType(part);
    String base = type.getBaseType().toLowerCase(Locale.ROOT);
    String disposition = disposition(part);
    String filename = filename(part);
    boolean attachment =
        Part.ATTACHMENT.equalsIgnoreCase(disposition)
            || (filename != null && !base.startsWith("multipart/"));

    if (base.startsWith("multipart/")) {
      Multipart multipart = multipart(part);
      if (multipart == null) {
        return;
      }
      if (base.equals("multipart/alternative")) {
        walkAlternative(multipart, body, depth);
      } else {
        for (int i = 0; i < multipart.getCount() && body.parts <= MAX_PARTS; i++) {
          walk(multipart.getBodyPart(i), body, depth + 1);
        }
      }
    } else if (base.equals("message/delivery-status")) {
      body.deliveryStatus = new String(bytes(part), StandardCharsets.UTF_8);
    } else if (base.equals("text/rfc822-headers")) {
      body.returnedHeaders = new String(bytes(part), StandardCharsets.UTF_8);
    } else if (base.equals("message/rfc822") && depth > 0 && body.returnedHeaders == null) {
      // A forwarded or returned mail: its headers help bounces; the mail itself is an attachment.
      byte[] inner = bytes(part);
      body.returnedHeaders = headersOf(inner);
      addAttachment(
          body, filename == null ? "message.eml" : filename, "message/rfc822", inner, null);
    } else if (!attachment && base.equals("text/plain") && body.text == null) {
      body.text = text(part, type);
    } else if (!attachment && base.equals("text/html") && body.html == null) {
      body.html = text(part, type);
    } else if (!attachment
        && base.startsWith("text/")
        && body.text == null
        && !base.equals("text/html")) {
      body.text = text(part, type);
    } else {
      String contentId =
          part instanceof jakarta.mail.internet.MimePart mp ? mp.getContentID() : null;
      addAttachment(
          body,
          filename == null ? defaultName(base, body.attachments.size()) : filename,
          base,
          bytes(part),
          contentId);
    }
  }

  /** The richest readable alternatives: the first plain text and the first HTML. */
  private static void walkAlternative(Multipart alternative, Body body, int depth)
      throws MessagingException, IOException {
    for (int i = 0; i < alternative.getCount(); i++) {
      walk(alternative.getBodyPart(i), body, depth + 1);
    }
  }

  private static void addAttachment(
      Body body, String filename, String contentType, byte[] content, String contentId) {
    long size = content.length;
    String note = null;
    byte[] kept = content;
    if (size > MAX_ATTACHMENT_BYTES) {
      note = "Not stored: larger than " + MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB";
      kept = null;
    } else if (body.storedBytes + size > MAX_MAIL_ATTACHMENT_BYTES) {
      note =
          "Not stored: the mail's attachments exceed "
              + MAX_MAIL_ATTACHMENT_BYTES / (1024 * 1024)
              + " MB";
      kept = null;
    } else {
      body.storedBytes += size;
    }
    body.attachments.add(new ParsedAttachment(filename, contentType, size, kept, contentId, note));
  }

  private static String defaultName(String contentType, int index) {
    String ext =
        contentType.contains("/") ? contentType.substring(contentType.indexOf('/') + 1) : "bin";
    ext = ext.replaceAll("[^a-z0-9]", "");
    return "attachment-" + (index + 1) + "." + (ext.isEmpty() ? "bin" : ext);
  }

  private static ContentType contentType(Part part) throws MessagingException {
    String header = null;
    try {
      header = part.getContentType();
      return new ContentType(header == null ? "text/plain" : header);
    } catch (ParseException e) {
      // "text/html; charset=utf-8;;" and worse: keep the type, drop the broken parameters.
      String base = header == null ? "text/plain" : header.split(";")[0].strip();
      try {
        ContentType fallback = new ContentType(base.isEmpty() ? "text/plain" : base);
        Matcher m =
            Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE)
                .matcher(header == null ? "" : header);
        if (m.find()) {
          fallback.setParameter("charset", m.group(1));
        }
        return fallback;
      } catch (ParseException again) {
        return new ContentType("application", "octet-stream", null);
      }
    }
  }

  private static String disposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String filename(Part part) {
    try {
      String name = part.getFileName();
      if (name == null) {
        ContentType type = contentType(part);
        name = type.getParameter("name");
      }
      return name == null ? null : decodeWords(name).strip();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static Multipart multipart(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    return content instanceof Multipart m ? m : null;
  }

  private static byte[] bytes(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** Text in the charset it declares, or the one it really uses when the label lies. */
  private static String text(Part part, ContentType type) throws MessagingException, IOException {
    return Charsets.decode(bytes(part), type.getParameter("charset"));
  }

  static String htmlToText(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, head").remove();
    doc.select("br").append("\\n");
    doc.select("p, div, tr, li, h1, h2, h3, h4, h5, h6, blockquote").prepend("\\n");
    String text = doc.text().replace("\\n", "\n");
    return text.replaceAll("[ \\t]+\\n", "\n")
        .replaceAll("\\n[ \\t]+", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  private static boolean isAutomatic(MimeMessage mime, Sender sender) throws MessagingException {
    String autoSubmitted = mime.getHeader("Auto-Submitted", null);
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    if (mime.getHeader("X-Autoreply") != null
        || mime.getHeader("X-Autorespond") != null
        || mime.getHeader("X-Auto-Reply") != null) {
      return true;
    }
    String precedence = mime.getHeader("Precedence", null);
    if (precedence != null
        && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
      return true;
    }
    String local = sender.address.substring(0, sender.address.indexOf('@'));
    if (local.matches("(?i)(mailer-daemon|postmaster|no-?reply|do-?not-?reply)")) {
      return true;
    }
    String subject = subject(mime);
    return subject != null && AUTO_SUBJECT.matcher(subject).find();
  }

  /**
   * A delivery failure: a multipart/report of delivery-status, or a mailer-daemon message quoting
   * the mail it returns. The original Message-ID finds our outbound message.
   */
  private static Bounce bounce(MimeMessage mime, Sender sender, Body body)
      throws MessagingException {
    ContentType type = contentType(mime);
    boolean report =
        type.getBaseType().equalsIgnoreCase("multipart/report")
            && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
    boolean daemon =
        sender.address.startsWith("mailer-daemon@") || sender.address.startsWith("postmaster@");
    if (!report && !(daemon && body.returnedHeaders != null)) {
      return null;
    }
    String originalId = null;
    if (body.returnedHeaders != null) {
      try {
        InternetHeaders headers =
            new InternetHeaders(
                new ByteArrayInputStream(body.returnedHeaders.getBytes(StandardCharsets.UTF_8)));
        originalId = firstId(headers.getHeader("Message-ID"));
      } catch (MessagingException ignored) {
        // no readable headers: the bounce still counts, without an original
      }
    }
    String recipient = null;
    String reason = null;
    if (body.deliveryStatus != null) {
      recipient = field(body.deliveryStatus, "Final-Recipient");
      if (recipient != null && recipient.contains(";")) {
        recipient = recipient.substring(recipient.indexOf(';') + 1).strip();
      }
      String status = field(body.deliveryStatus, "Status");
      String diagnostic = field(body.deliveryStatus, "Diagnostic-Code");
      if (diagnostic != null && diagnostic.contains(";")) {
        diagnostic = diagnostic.substring(diagnostic.indexOf(';') + 1).strip();
      }
      reason = (status == null ? "" : status + " ") + (diagnostic == null ? "" : diagnostic);
    }
    if (reason == null || reason.isBlank()) {
      reason = body.text == null ? "Delivery failed" : firstLines(body.text, 3);
    }
    return new Bounce(originalId, recipient, reason.strip());
  }

  private static String field(String block, String name) {
    Matcher m =
        Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+(?:\\r?\\n[ \\t].+)*)")
            .matcher(block);
    return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : null;
  }

  private static String headersOf(byte[] mail) {
    String text = new String(mail, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      end = text.indexOf("\n\n");
    }
    return end < 0 ? text : text.substring(0, end);
  }

  private static String firstLines(String text, int lines) {
    return text.lines()
        .filter(l -> !l.isBlank())
        .limit(lines)
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
