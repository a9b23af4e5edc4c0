package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.platform.Settings;

/**
 * Files agents upload before a reply or note carries them. Stored in the data dir like inbound
 * attachments; the type is read from the bytes; one upload is at most {@link #maxBytes()} (a
 * WhatsApp document's limit: the largest any channel takes), each channel checking its own limits
 * when the reply is sent.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class Uploads {

  /** 100 MB: Meta's limit for a WhatsApp document, the largest file any channel sends. */
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject AttachmentStore store;
  @Inject CallerAgent caller;
  @Inject Clock clock;

  /** What the API answers for an upload. */
  public record UploadView(String id, String filename, String contentType, long size) {
    static UploadView of(Upload upload) {
      return new UploadView(
          upload.getToken(), upload.getFilename(), upload.getContentType(), upload.getSize());
    }
  }

  /** The largest upload ({@code ventanilla.upload.max.bytes}, default 100 MB). */
  public static long maxBytes() {
    return Settings.get("ventanilla.upload.max.bytes")
        .map(Long::parseLong)
        .orElse(DEFAULT_MAX_BYTES);
  }

  public UploadView upload(String filename, InputStream content) {
    Agent agent = caller.require();
    BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
    String type;
    try {
      type = FileTypes.detect(in, filename);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read an upload", e);
    }
    AttachmentStore.StoredFile file = store.store(in, maxBytes());
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    Upload upload =
        new Upload(
            HexFormat.of().formatHex(token),
            agent.getUsername(),
            filename,
            type,
            file,
            clock.instant());
    em.persist(upload);
    return UploadView.of(upload);
  }

  public UploadView get(String token) {
    return UploadView.of(usable(token, caller.require()));
  }

  /**
   * The caller's unused uploads with these ids, in order: another agent's (unless the caller is an
   * admin), a used or an unknown one is not found.
   */
  public List<Upload> usable(List<String> tokens, Agent agent) {
    List<Upload> found = new ArrayList<>();
    for (String token : new LinkedHashSet<>(tokens)) {
      found.add(usable(token, agent));
    }
    return found;
  }

  private Upload usable(String token, Agent agent) {
    if (token == null || !token.matches("[0-9a-f]{48}")) {
      throw new NotFoundException("Upload", token);
    }
    List<Upload> rows =
        em.createQuery("SELECT u FROM Upload u WHERE u.token = :token", Upload.class)
            .setParameter("token", token)
            .getResultList();
    if (rows.isEmpty()
        || rows.get(0).isUsed()
        || !(rows.get(0).ownedBy(agent.getUsername()) || agent.getRole() == Role.ADMIN)) {
      throw new NotFoundException("Upload", token);
    }
    return rows.get(0);
  }

  /** Attaches the uploads to the message (stored already): they stay with it from now on. */
  public void attach(List<Upload> uploads, Message message, Instant now) {
    for (Upload upload : uploads) {
      em.persist(upload.use(message, now));
    }
  }

  /** Forgets uploads never sent that are older than {@code before}; returns how many. */
  @jakarta.annotation.security.PermitAll
  public int deleteUnusedBefore(Instant before) {
    List<Upload> stale =
        em.createQuery(
                "SELECT u FROM Upload u WHERE u.usedAt IS NULL AND u.createdAt < :before",
                Upload.class)
            .setParameter("before", before)
            .setMaxResults(500)
            .getResultList();
    for (Upload upload : stale) {
      try {
        store.delete(upload.getStoragePath());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete " + upload.getStoragePath(), e);
      }
      em.remove(upload);
    }
    return stale.size();
  }
}
