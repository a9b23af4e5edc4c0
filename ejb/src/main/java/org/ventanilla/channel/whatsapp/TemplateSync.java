package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.InvalidInputException;

/**
 * Reads a number's templates from its WhatsApp Business Account ({@code GET
 * /{waba-id}/message_templates}, page after page by the {@code after} cursor while Meta announces a
 * {@code next} page) outside any transaction, then stores them in one short one. The next page is
 * asked for on our own base URL with the cursor, never at the URL Meta returned, so the token only
 * ever goes to the configured API.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TemplateSync {

  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 100;
  static final String FIELDS = "id,name,language,status,category,components,parameter_format";

  @Inject TemplateStore store;
  @Inject GraphApi api;

  public WhatsAppChannelService.SyncResult sync(long channelId) {
    TemplateStore.Access access =
        store
            .access(channelId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "no_waba_id",
                        "Set the channel's wabaId (and access token) to read its templates"));
    return store.store(channelId, read(access));
  }

  List<AccountTemplate> read(TemplateStore.Access access) {
    List<AccountTemplate> all = new ArrayList<>();
    String after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String url =
          access.api().url(access.wabaId() + "/message_templates")
              + "?fields="
              + FIELDS
              + "&limit="
              + PAGE_SIZE
              + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
      JsonObject json = get(url, access.api().token());
      if (json.get("data") instanceof JsonArray data) {
        for (JsonValue v : data) {
          if (v instanceof JsonObject t) {
            AccountTemplate read = AccountTemplate.of(t);
            if (read != null) {
              all.add(read);
            }
          }
        }
      }
      after = nextCursor(json);
      if (after == null) {
        return all;
      }
    }
    return all;
  }

  /** The {@code after} cursor when Meta says there is a next page ({@code paging.next}). */
  static String nextCursor(JsonObject page) {
    if (!(page.get("paging") instanceof JsonObject paging)
        || !paging.containsKey("next")
        || paging.isNull("next")) {
      return null;
    }
    if (paging.get("cursors") instanceof JsonObject cursors
        && cursors.get("after") instanceof jakarta.json.JsonString after
        && !after.getString().isBlank()) {
      return after.getString();
    }
    return null;
  }

  private JsonObject get(String url, String token) {
    HttpResponse<String> response;
    try {
      response = api.getJson(url, token);
    } catch (IOException e) {
      throw new ConflictException("template_sync_failed", "WhatsApp API unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("template_sync_failed", "interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ConflictException(
          "template_sync_failed",
          "Meta answered HTTP "
              + response.statusCode()
              + ": "
              + WhatsAppSender.apiError(response.body()));
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new ConflictException("template_sync_failed", "Meta's answer is not JSON");
    }
  }
}
