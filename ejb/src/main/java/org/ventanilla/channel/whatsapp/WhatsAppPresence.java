package org.ventanilla.channel.whatsapp;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.ticket.Ticket;

/**
 * Read receipts and the typing indicator (Meta: {@code POST /{phone-number-id}/messages} with
 * {@code "status":"read"} and the latest inbound {@code message_id}, plus {@code
 * "typing_indicator":{"type":"text"}} for typing, which Meta shows up to 25 s or until the reply).
 * The cheap path: no outbox, no retries, sent on the managed executor so no page waits; failures
 * are logged without secrets. A message is marked read once (per server), typing at most every
 * {@link #TYPING_EVERY} per ticket; each behind its channel's switch.
 */
@ApplicationScoped
public class WhatsAppPresence {

  private static final Logger LOG = Logger.getLogger(WhatsAppPresence.class.getName());

  static final Duration TYPING_EVERY = Duration.ofSeconds(20);
  private static final int REMEMBERED = 10_000;

  @Resource ManagedExecutorService executor;
  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject GraphApi api;

  private final Map<String, Boolean> marked =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED;
            }
          });
  private final ConcurrentHashMap<Long, Instant> typedAt = new ConcurrentHashMap<>();

  /** Marks the ticket's latest inbound message read, once. */
  public void opened(WhatsAppChannel channel, Ticket ticket) {
    if (!channel.isMarkRead()) {
      return;
    }
    Optional<String> wamid = whatsapp.latestInboundWamid(ticket);
    if (wamid.isEmpty() || marked.putIfAbsent(wamid.get(), Boolean.TRUE) != null) {
      return;
    }
    submit(channel, readBody(wamid.get(), false), "read");
  }

  /**
   * Shows the typing indicator, at most every {@link #TYPING_EVERY} per ticket. True when a call
   * was sent.
   */
  public boolean typing(WhatsAppChannel channel, Ticket ticket, Instant now) {
    if (!channel.isTypingIndicator()) {
      return false;
    }
    Instant last = typedAt.get(ticket.getId());
    if (last != null && now.isBefore(last.plus(TYPING_EVERY))) {
      return false;
    }
    Optional<String> wamid = whatsapp.latestInboundWamid(ticket);
    if (wamid.isEmpty()) {
      return false;
    }
    // Only one caller of the same moment wins the slot.
    if (last == null
        ? typedAt.putIfAbsent(ticket.getId(), now) != null
        : !typedAt.replace(ticket.getId(), last, now)) {
      return false;
    }
    if (typedAt.size() > REMEMBERED) {
      typedAt.values().removeIf(at -> at.plus(TYPING_EVERY).isBefore(now));
    }
    marked.put(wamid.get(), Boolean.TRUE);
    submit(channel, readBody(wamid.get(), true), "typing");
    return true;
  }

  /** Meta's read call; with {@code typing}, its typing indicator. */
  static String readBody(String wamid, boolean typing) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("status", "read")
            .add("message_id", wamid);
    if (typing) {
      body.add("typing_indicator", Json.createObjectBuilder().add("type", "text"));
    }
    return body.build().toString();
  }

  private void submit(WhatsAppChannel channel, String json, String what) {
    if (channel.getAccessTokenSealed() == null) {
      return;
    }
    String url = channel.apiUrl(channel.getPhoneNumberId() + "/messages");
    String token = secrets.decrypt(channel.getAccessTokenSealed());
    long channelId = channel.getId();
    try {
      executor.execute(
          () -> {
            try {
              HttpResponse<String> response = api.postJson(url, token, json);
              if (response.statusCode() / 100 != 2) {
                LOG.info(
                    () ->
                        "WhatsApp "
                            + what
                            + " on channel "
                            + channelId
                            + " refused: HTTP "
                            + response.statusCode()
                            + " "
                            + WhatsAppSender.apiError(response.body()));
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (Exception e) {
              LOG.info(
                  () ->
                      "WhatsApp "
                          + what
                          + " on channel "
                          + channelId
                          + " not sent: "
                          + e.getClass().getSimpleName());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.info(() -> "WhatsApp " + what + " dropped: the executor is busy");
    }
  }
}
