package org.ventanilla.ticket;

import java.time.Instant;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;

/**
 * The port through which a conversation's replies leave: what the ticket domain needs from the
 * channel a ticket runs through. Each channel kind implements it once (a CDI bean in its own
 * package); {@link ReplyChannels} picks the one for a ticket's {@link Ticket#getChannel() kind}.
 * Every method runs in the caller's transaction.
 */
public interface ReplyChannel {

  /** The kind of channel this implementation speaks for. */
  ChannelType kind();

  // The defaults are a channel that takes any reply at any time and has no templates (mail);
  // a channel with a window or templates (WhatsApp) overrides them.

  /** What may be sent on the ticket now. */
  default ReplyWindow window(Ticket ticket, Instant now) {
    return ReplyWindow.unrestricted();
  }

  /** Refuses a free-form reply the channel cannot send now (a clear domain error). */
  default void requireFreeForm(Ticket ticket, Instant now) {}

  /** The text a template reply will show, its parameters filled in; refused if unknown. */
  default String templateText(Ticket ticket, TemplateReply template) {
    throw new InvalidInputException(
        "invalid_template", "Templates are for tickets that run through a WhatsApp channel");
  }

  /**
   * Remembers that {@code reply} (stored already, its id assigned) leaves as this template; never
   * reached where {@link #templateText} refuses.
   */
  default void rememberTemplate(Message reply, TemplateReply template) {}

  /**
   * Refuses files this channel cannot send (a clear domain error, before anything is stored or
   * sent). Mail's rule is the default: at most {@link #mailMaxBytes()} per reply, all files
   * together.
   */
  default void requireFilesFit(Ticket ticket, java.util.List<FileFacts> files) {
    long total = files.stream().mapToLong(FileFacts::size).sum();
    long max = mailMaxBytes();
    if (total > max) {
      throw new org.ventanilla.common.ContentTooLargeException(
          "attachments_too_large",
          "A mail reply may carry at most "
              + AttachmentStore.megabytes(max)
              + " MB of files; these are "
              + AttachmentStore.megabytes(total)
              + " MB");
    }
  }

  /**
   * The text an interactive reply shows on the ticket: Meta's {@code interactive} object (reply
   * buttons or a list), its body {@code text} when it has none; refused when invalid or where the
   * channel has no such thing.
   */
  default String interactiveText(Ticket ticket, String text, jakarta.json.JsonObject interactive) {
    throw new InvalidInputException(
        "invalid_interactive", "Buttons and lists are for tickets that run through WhatsApp");
  }

  /** Remembers that {@code reply} (stored, its id assigned) leaves as this interactive message. */
  default void rememberInteractive(
      Message reply, String text, jakarta.json.JsonObject interactive) {}

  /**
   * An agent opened the ticket: the channel may tell the customer their messages were read. Cheap
   * and never blocking: whatever it sends goes out asynchronously, failures are only logged.
   */
  default void opened(Ticket ticket, Instant now) {}

  /** An agent is writing a reply: the channel may show the customer a typing indicator. */
  default void typing(Ticket ticket, Instant now) {}

  /**
   * Our own addresses on this channel (every mailbox), left out of a reply's suggested CC; none by
   * default.
   */
  default java.util.Set<String> ownAddresses() {
    return java.util.Set.of();
  }

  /** 25 MB unless {@code ventanilla.mail.max.attachment.bytes} says otherwise. */
  static long mailMaxBytes() {
    return org.ventanilla.platform.Settings.get("ventanilla.mail.max.attachment.bytes")
        .map(Long::parseLong)
        .orElse(25L * 1024 * 1024);
  }

  /**
   * Queues the stored reply for delivery through the ticket's channel; nothing when that channel is
   * switched off (the reply stays on the ticket, marked queued).
   */
  void send(Ticket ticket, Message reply, Instant now);
}
