package org.ventanilla.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import org.ventanilla.common.Enums;
import org.ventanilla.common.HtmlSanitizer;
import org.ventanilla.common.Times;

/** A message as agents and API clients see it: HTML only ever sanitized. */
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
    OffsetDateTime createdAt) {

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

  private static Folded fold(Message m) {
    QuotedHistory.Split text = QuotedHistory.text(m.getText());
    QuotedHistory.Split html = QuotedHistory.html(m.getHtml());
    String fresh = HtmlSanitizer.sanitize(html.fresh());
    String quoted = HtmlSanitizer.sanitize(html.quoted());
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
        HtmlSanitizer.sanitize(m.getHtml()),
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
        Times.utc(m.getCreatedAt()));
  }
}
