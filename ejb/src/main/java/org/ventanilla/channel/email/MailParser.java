package org.ventanilla.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
          "^((re|aw|fw|fwd|wg|tr|rv|r)\\s*:\\s*)*("
              + "auto(matic|matische)?[ -]?(reply|response|antwort)|out of (the )?office|away from"
              + "|on vacation|vacation|respuesta autom[aá]tica|fuera de la oficina|ausencia"
              + "|de vacaciones|abwesenheitsnotiz|abwesend|urlaub|r[ée]ponse automatique"
              + "|absence|absent|en cong[ée]|resposta autom[aá]tica|fora do escrit[óo]rio"
              + "|ausente|f[ée]rias|risposta automatica|fuori (sede|ufficio)|in ferie|assente)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern BOUNCE_SUBJECT =
      Pattern.compile(
          "(undelivered mail returned to sender|mail delivery failed|delivery status notification"
              + " \\((failure|delay)\\)|^undeliverable:|^undeliverable mail|failure notice"
              + "|returned mail:|delivery failure|undelivered mail|mail system error"
              + "|non[- ]?deliverable|message not delivered|delivery has failed)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern QMAIL = Pattern.compile("Hi\\. This is the qmail-send program");
  private static final Pattern QUOTED_ID =
      Pattern.compile("(?im)^[ \\t>]*Message-ID:\\s*(<[^<>\\s]+>)");
  private static final Pattern FAILED_LINE =
      Pattern.compile("(?m)^\\s*(?:<([^\\s<>@]+@[^\\s<>]+)>:|([^\\s<>@:]+@[^\\s<>:]+)\\s*$)");
  private static final Session SESSION = session();

  private MailParser() {}

  private static Session session() {
    Properties props = new Properties();
    // Headers are read byte for byte (Latin-1); 8-bit text in them is decoded by us, UTF-8 first,
    // then the legacy charset it most likely is (Charsets.guess), so nothing is lost on the way.
    props.setProperty("mail.mime.allowutf8", "false");
    props.setProperty("mail.mime.address.strict", "false");
    props.setProperty("mail.mime.decodetext.strict", "false");
    props.setProperty("mail.mime.parameters.strict", "false");
    props.setProperty("mail.mime.base64.ignoreerrors", "true");
    props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
    props.setProperty("mail.mime.ignoreunknownencoding", "true");
    props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
    props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
    props.setProperty("mail.mime.multipart.allowempty", "true");
    // A boundary named but not used is handled by a second reading (rebounded), not by
    // mail.mime.multipart.ignoreexistingboundaryparameter, which would also misread good mail.
    return Session.getInstance(props);
  }

  /**
   * Parses one mail. What is broken in it is repaired where forgiving clients would (the mail is
   * then {@code repaired} and keeps its original as {@code original.eml}); only a mail of which
   * nothing can be read (no headers, no sender) is refused.
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
      Body body = read(mime);
      if (body.isEmpty() && isMultipart(mime)) {
        // The boundary it names is not the one it uses: read it again by the one it uses.
        Body again = rebounded(raw).map(MailParser::read).orElse(body);
        if (!again.isEmpty()) {
          body = again;
          body.repaired = true;
        }
      }
      if (body.isEmpty() && (isMultipart(mime) || body.unreadable)) {
        String rest = rawBody(raw).strip();
        if (!rest.isEmpty()) {
          // Nothing readable in its structure: its raw text is still better than nothing.
          body = new Body();
          body.text = Charsets.decode(rest.getBytes(StandardCharsets.ISO_8859_1), null);
          body.repaired = true;
        }
      }
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
      if (body.repaired) {
        // Nothing is lost: the mail as it came stays with the message.
        addAttachment(body, ORIGINAL_NAME, "message/rfc822", raw, null);
      }
      String subject = subject(mime);
      Bounce bounce = bounce(mime, sender, subject, body);
      boolean autoReply = bounce == null && isAutoReply(mime, subject);
      if (!sender.hasDomain() && bounce == null && !autoReply) {
        throw new MalformedMailException("no sender address: " + sender.address);
      }
      return new ParsedMail(
          messageId,
          synthetic,
          threadIds(mime),
          sender.address,
          sender.name,
          subject,
          sentAt(mime),
          text.strip(),
          html,
          List.copyOf(body.attachments),
          bounce == null && (autoReply || isBulk(mime, sender)),
          bounce,
          autoReply,
          body.repaired,
          MailRecipients.of(mime));
    } catch (MessagingException | RuntimeException e) {
      throw new MalformedMailException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** What a repaired mail keeps of itself, as it came. */
  public static final String ORIGINAL_NAME = "original.eml";

  /** The mail's parts; a structure that cannot be read at all gives an empty, unreadable body. */
  private static Body read(MimeMessage mime) {
    Body body = new Body();
    try {
      walk(mime, body, 0);
    } catch (MessagingException | IOException | RuntimeException broken) {
      Body unreadable = new Body();
      unreadable.unreadable = true;
      return unreadable;
    }
    return body;
  }

  private static boolean isMultipart(MimeMessage mime) throws MessagingException {
    String type = mime.getHeader("Content-Type", null);
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static final Pattern FIRST_BOUNDARY = Pattern.compile("(?m)^--([^\\s]+?)(--)?\\s*$");

  /** The mail again, its multipart split by the first boundary line it really holds. */
  private static Optional<MimeMessage> rebounded(byte[] raw) throws MessagingException {
    Matcher line = FIRST_BOUNDARY.matcher(rawBody(raw));
    if (!line.find()) {
      return Optional.empty();
    }
    MimeMessage again = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    String base = contentType(again).getBaseType();
    again.setHeader("Content-Type", base + "; boundary=\"" + line.group(1) + "\"");
    return Optional.of(again);
  }

  /** The mail after its headers, byte for byte as Latin-1 characters. */
  private static String rawBody(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int crlf = all.indexOf("\r\n\r\n");
    int lf = all.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
      return all.substring(crlf + 4);
    }
    return lf >= 0 ? all.substring(lf + 2) : "";
  }

  private static Instant sentAt(MimeMessage mime) {
    try {
      return mime.getSentDate() == null ? null : mime.getSentDate().toInstant();
    } catch (MessagingException | RuntimeException unreadable) {
      return null;
    }
  }

  private record Sender(String address, String name) {
    boolean hasDomain() {
      return address.contains("@");
    }
  }

  /**
   * Who wrote: From, then Sender, Reply-To and Return-Path, each read as forgiving clients read
   * them; a daemon with no domain ({@code MAILER-DAEMON}) only when no header names a full address.
   */
  private static Sender sender(MimeMessage mime) throws MessagingException, MalformedMailException {
    Addresses.Mailbox local = null;
    for (String header : new String[] {"From", "Sender", "Reply-To", "Return-Path"}) {
      Optional<Addresses.Mailbox> found = Addresses.first(header8bit(mime.getHeader(header, ",")));
      if (found.isPresent() && found.get().hasDomain()) {
        return new Sender(found.get().address(), blankToNull(found.get().name()));
      }
      if (found.isPresent() && local == null) {
        local = found.get();
      }
    }
    if (local != null) {
      return new Sender(local.address(), blankToNull(local.name()));
    }
    throw new MalformedMailException("no sender (From header missing or unreadable)");
  }

  /**
   * A header read byte for byte: raw 8-bit text in it (not RFC 2047) decoded as UTF-8 when it is,
   * else as the legacy charset it most likely is.
   */
  static String header8bit(String value) {
    if (value == null) {
      return null;
    }
    boolean eightBit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xff) {
        return value;
      }
      eightBit |= c >= 0x80;
    }
    return eightBit ? Charsets.guess(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
  }

  private static String subject(MimeMessage mime) throws MessagingException {
    String raw = mime.getHeader("Subject", null);
    if (raw == null) {
      return null;
    }
    String unfolded = raw.replaceAll("\\r?\\n[ \\t]", " ");
    return EncodedWords.decode(header8bit(unfolded)).replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  /** RFC 2047 encoded words, also the broken ones real clients write (no spaces, bad charsets). */
  static String decodeWords(String value) {
    return EncodedWords.decode(value);
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
    boolean repaired;
    boolean unreadable;

    boolean isEmpty() {
      return (text == null || text.isBlank())
          && (html == null || html.isBlank())
          && attachments.isEmpty()
          && deliveryStatus == null;
    }
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
      if (type.getParameter("boundary") == null
          || (multipart instanceof MimeMultipart mm && !mm.isComplete())) {
        // No boundary named (the first "--" line was taken) or no closing boundary.
        body.repaired = true;
      }
      if (base.equals("multipart/alternative")) {
        walkAlternative(multipart, body, depth);
      } else {
        for (int i = 0; i < multipart.getCount() && body.parts <= MAX_PARTS; i++) {
          walk(multipart.getBodyPart(i), body, depth + 1);
        }
      }
    } else if (base.equals("message/delivery-status")) {
      body.deliveryStatus = new String(bytes(part, body), StandardCharsets.UTF_8);
    } else if (base.equals("text/rfc822-headers")) {
      body.returnedHeaders = new String(bytes(part, body), StandardCharsets.UTF_8);
    } else if (base.equals("message/rfc822") && depth > 0 && body.returnedHeaders == null) {
      // A forwarded or returned mail: its headers help bounces; the mail itself is an attachment.
      byte[] inner = bytes(part, body);
      body.returnedHeaders = headersOf(inner);
      addAttachment(
          body, filename == null ? "message.eml" : filename, "message/rfc822", inner, null);
    } else if (!attachment && base.equals("text/plain") && body.text == null) {
      body.text = text(part, type, body);
    } else if (!attachment && base.equals("text/html") && body.html == null) {
      body.html = text(part, type, body);
    } else if (!attachment
        && base.startsWith("text/")
        && body.text == null
        && !base.equals("text/html")) {
      body.text = text(part, type, body);
    } else {
      String contentId =
          part instanceof jakarta.mail.internet.MimePart mp ? mp.getContentID() : null;
      addAttachment(
          body,
          filename == null ? defaultName(base, body.attachments.size()) : filename,
          base,
          bytes(part, body),
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
      return name == null ? null : EncodedWords.decode(header8bit(name)).strip();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static Multipart multipart(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    return content instanceof Multipart m ? m : null;
  }

  /**
   * A part's content, decoded by its Content-Transfer-Encoding as forgiving readers do: base64 with
   * bad padding or a cut last line keeps what it holds, an unknown encoding ({@code utf-8}, {@code
   * 8-bit}) or uuencode on data that is not uu is taken as it is; either repairs the mail.
   */
  private static byte[] bytes(Part part, Body body) throws MessagingException, IOException {
    if (!(part instanceof MimePart mp)) {
      try (InputStream in = part.getInputStream()) {
        return in.readAllBytes();
      }
    }
    String cte = mp.getEncoding();
    byte[] raw;
    try (InputStream in = rawStream(mp)) {
      raw = in.readAllBytes();
    }
    String encoding = cte == null ? "7bit" : cte.strip().toLowerCase(Locale.ROOT);
    switch (encoding) {
      case "7bit", "8bit", "binary", "" -> {
        return raw;
      }
      case "base64" -> {
        Base64Lenient.Decoded decoded = Base64Lenient.decode(raw);
        body.repaired |= decoded.repaired();
        return decoded.bytes();
      }
      case "quoted-printable" -> {
        try (InputStream in =
            MimeUtility.decode(new ByteArrayInputStream(raw), "quoted-printable")) {
          return in.readAllBytes();
        } catch (IOException broken) {
          body.repaired = true;
          return raw;
        }
      }
      case "uuencode", "x-uuencode", "x-uue" -> {
        if (new String(raw, StandardCharsets.ISO_8859_1).stripLeading().startsWith("begin ")) {
          try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            byte[] decoded = in.readAllBytes();
            if (decoded.length > 0) {
              return decoded;
            }
          } catch (IOException | MessagingException broken) {
            // not uu after all: taken as it is below
          }
        }
        body.repaired = true;
        return raw;
      }
      default -> {
        body.repaired = true;
        return raw;
      }
    }
  }

  private static InputStream rawStream(MimePart part) throws MessagingException {
    if (part instanceof MimeBodyPart bp) {
      return bp.getRawInputStream();
    }
    return ((MimeMessage) part).getRawInputStream();
  }

  /** Text in the charset it declares, or the one it really uses when the label lies. */
  private static String text(Part part, ContentType type, Body body)
      throws MessagingException, IOException {
    return Charsets.decode(bytes(part, body), type.getParameter("charset"));
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

  /**
   * An auto-reply (RFC 3834 {@code Auto-Submitted} other than {@code no}, Exchange's out-of-office
   * headers, {@code Precedence: auto_reply}, {@code X-Autoreply}, {@code X-Autorespond}) or a
   * vacation subject in es/en/de/fr/pt/it.
   */
  private static boolean isAutoReply(MimeMessage mime, String subject) throws MessagingException {
    String autoSubmitted = mime.getHeader("Auto-Submitted", null);
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    if (mime.getHeader("X-Autoreply") != null
        || mime.getHeader("X-Autorespond") != null
        || mime.getHeader("X-Auto-Reply") != null
        || mime.getHeader("X-MS-Exchange-Generated-Message-Source") != null) {
      return true;
    }
    String suppress = mime.getHeader("X-Auto-Response-Suppress", null);
    if (suppress != null && suppress.matches("(?i).*\\b(all|oof)\\b.*")) {
      return true;
    }
    String precedence = mime.getHeader("Precedence", null);
    if (precedence != null && precedence.strip().equalsIgnoreCase("auto_reply")) {
      return true;
    }
    return subject != null && AUTO_SUBJECT.matcher(subject).find();
  }

  /** Mailing-list and bulk mail, and mail from addresses nobody reads. */
  private static boolean isBulk(MimeMessage mime, Sender sender) throws MessagingException {
    String precedence = mime.getHeader("Precedence", null);
    if (precedence != null
        && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
      return true;
    }
    if (mime.getHeader("List-Id") != null && mime.getHeader("List-Unsubscribe") != null) {
      return true;
    }
    String local =
        sender.address.contains("@")
            ? sender.address.substring(0, sender.address.indexOf('@'))
            : sender.address;
    return local.matches("(?i)(mailer-daemon|postmaster|no-?reply|do-?not-?reply)");
  }

  private static boolean isDaemon(Sender sender) {
    String local =
        sender.address.contains("@")
            ? sender.address.substring(0, sender.address.indexOf('@'))
            : sender.address;
    return local.matches("(?i)(mailer-daemon|mail-daemon|postmaster|mailerdaemon)")
        || (sender.name != null && sender.name.matches("(?i).*mail delivery (system|subsystem).*"));
  }

  /**
   * A delivery report: a DSN (multipart/report of delivery-status), or the non-standard reports of
   * Gmail, Office 365/Exchange, Postfix, Exim and qmail, known by their sender (mailer-daemon,
   * postmaster), their subject, {@code X-Failed-Recipients} or qmail's greeting. Every Message-ID
   * it names of the mail it returns (the returned headers, the quoted original, its own
   * In-Reply-To/References) may find our reply.
   */
  private static Bounce bounce(MimeMessage mime, Sender sender, String subject, Body body)
      throws MessagingException {
    ContentType type = contentType(mime);
    boolean report =
        (type.getBaseType().equalsIgnoreCase("multipart/report")
                && "delivery-status".equalsIgnoreCase(type.getParameter("report-type")))
            || body.deliveryStatus != null;
    String failedHeader = mime.getHeader("X-Failed-Recipients", ",");
    boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
    String text = body.text == null ? "" : body.text;
    boolean qmail = QMAIL.matcher(text).find();
    boolean daemon = isDaemon(sender);
    boolean autoSubmitted = mime.getHeader("Auto-Submitted") != null;
    if (!(report
        || failedHeader != null
        || qmail
        || (daemon && (bounceSubject || body.returnedHeaders != null))
        || (bounceSubject && (autoSubmitted || body.returnedHeaders != null)))) {
      return null;
    }
    Set<String> ids = new LinkedHashSet<>();
    if (body.returnedHeaders != null) {
      try {
        InternetHeaders headers =
            new InternetHeaders(
                new ByteArrayInputStream(body.returnedHeaders.getBytes(StandardCharsets.UTF_8)));
        String id = firstId(headers.getHeader("Message-ID"));
        if (id != null) {
          ids.add(id);
        }
      } catch (MessagingException ignored) {
        // no readable headers: the quoted text may still name the original
      }
    }
    Matcher quoted = QUOTED_ID.matcher(text);
    while (quoted.find()) {
      ids.add(quoted.group(1));
    }
    ids.addAll(threadIds(mime));
    String recipient = null;
    String reason = null;
    boolean failure = true;
    if (body.deliveryStatus != null) {
      recipient = field(body.deliveryStatus, "Final-Recipient");
      if (recipient == null) {
        recipient = field(body.deliveryStatus, "Original-Recipient");
      }
      if (recipient != null && recipient.contains(";")) {
        recipient = recipient.substring(recipient.indexOf(';') + 1).strip();
      }
      String action = field(body.deliveryStatus, "Action");
      failure =
          action == null
              || !action
                  .strip()
                  .toLowerCase(Locale.ROOT)
                  .matches("delayed|delivered|relayed|expanded");
      String status = field(body.deliveryStatus, "Status");
      String diagnostic = field(body.deliveryStatus, "Diagnostic-Code");
      if (diagnostic != null && diagnostic.contains(";")) {
        diagnostic = diagnostic.substring(diagnostic.indexOf(';') + 1).strip();
      }
      reason = (status == null ? "" : status + " ") + (diagnostic == null ? "" : diagnostic);
    }
    if (recipient == null && failedHeader != null) {
      recipient = failedHeader.split(",")[0].strip();
    }
    if (recipient == null) {
      Matcher m = FAILED_LINE.matcher(text);
      recipient = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }
    if (recipient != null) {
      recipient = recipient.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
    }
    if (reason == null || reason.isBlank()) {
      reason = text.isBlank() ? "Delivery failed" : firstLines(text, 3);
    }
    if (reason.length() > 1500) {
      reason = reason.substring(0, 1500);
    }
    return new Bounce(List.copyOf(ids), recipient, reason.strip(), failure);
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
