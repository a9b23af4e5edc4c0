package org.ventanilla.ticket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.common.Enums;
import org.ventanilla.common.HtmlSanitizer;
import org.ventanilla.common.Times;

/**
 * A message as agents and API clients see it: HTML only ever sanitized; {@code automated} when a
 * machine sent it, {@code repaired} when the channel had to repair it to read it.
 */
public record MessageView(
    long id,
    String direction,
    String kind,
    String channel,
    Author author,
    String subject,
    String text,
    String html,
    Folded folded,
    List<AttachmentView> attachments,
    String deliveryStatus,
    String deliveryError,
    String externalId,
    OffsetDateTime createdAt,
    boolean automated,
    boolean repaired,
    List<String> cc,
    List<String> bcc) {

  /**
   * The message for display: what is new in it, and the quoted history folded away (null when
   * nothing is quoted). HTML only ever sanitized; {@code remoteImages} when it holds remote images
   * that the browser loads only once the agent asks for them.
   */
  public record Folded(
      String text, String quotedText, String html, String quotedHtml, boolean remoteImages) {}

  /** Who wrote it; username only for agents. */
  public record Author(String type, String name, String username) {}

  /** A file that came with the message. */
  public record AttachmentView(
      long id, String filename, String contentType, long size, String note) {}

  /**
   * The message's HTML for display: sanitized, its inline images ({@code cid:}) shown from our own
   * download of that part of the mail (a relative address, as the pages sit at the root).
   */
  private static String shown(String html, Message m) {
    if (html == null) {
      return null;
    }
    Map<String, Long> inline = new HashMap<>();
    for (Attachment a : m.getAttachments()) {
      if (a.getContentId() != null && a.getStoragePath() != null) {
        inline.putIfAbsent(a.getContentId(), a.getId());
      }
    }
    return HtmlSanitizer.sanitize(
        html,
        cid -> {
          Long id = inline.containsKey(cid) ? inline.get(cid) : inline.get(percentDecoded(cid));
          return id == null ? null : "api/v1/attachments/" + id;
        });
  }

  /** RFC 2392 writes a Content-ID in a cid: URL %-encoded. */
  private static String percentDecoded(String cid) {
    try {
      return URLDecoder.decode(cid.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return cid;
    }
  }

  private static Folded fold(Message m) {
    QuotedHistory.Split text = QuotedHistory.text(m.getText());
    QuotedHistory.Split html = QuotedHistory.html(m.getHtml());
    String fresh = shown(html.fresh(), m);
    String quoted = shown(html.quoted(), m);
    return new Folded(
        text.fresh(),
        text.quoted(),
        fresh,
        quoted,
        HtmlSanitizer.holdsRemoteImages(fresh) || HtmlSanitizer.holdsRemoteImages(quoted));
  }

  static MessageView of(Message m) {
    return new MessageView(
        m.getId(),
        Enums.json(m.getDirection()),
        Enums.json(m.getKind()),
        Enums.json(m.getChannel()),
        new Author(
            Enums.json(m.getAuthorType()),
            m.getAuthorName(),
            m.getAgent() == null ? null : m.getAgent().getUsername()),
        m.getSubject(),
        m.getText(),
        shown(m.getHtml(), m),
        fold(m),
        m.getAttachments().stream()
            .map(
                a ->
                    new AttachmentView(
                        a.getId(), a.getFilename(), a.getContentType(), a.getSize(), a.getNote()))
            .toList(),
        Enums.json(m.getDeliveryStatus()),
        m.getDeliveryError(),
        m.getExternalId(),
        Times.utc(m.getCreatedAt()),
        m.isAutomated(),
        m.isRepaired(),
        m.getCc(),
        m.getBcc());
  }
}
