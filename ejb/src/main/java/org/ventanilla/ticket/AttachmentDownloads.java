package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ventanilla.agent.Role;
import org.ventanilla.common.NotFoundException;

/**
 * Hands out an attachment's stored bytes to agents. The file is found by the attachment's id and
 * the path we stored, never by a name from outside; a file we did not keep (over the size limit,
 * not downloaded yet) or that is gone is simply not found.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class AttachmentDownloads {

  @PersistenceContext private EntityManager em;
  @Inject AttachmentStore store;

  /** A stored file: the name to offer (already made safe), its declared type and where it is. */
  public record Download(String filename, String contentType, Path file) {}

  public Download get(long id) {
    Attachment attachment = em.find(Attachment.class, id);
    if (attachment == null || attachment.getStoragePath() == null) {
      throw new NotFoundException("Attachment", id);
    }
    Path file;
    try {
      file = store.resolve(attachment.getStoragePath());
    } catch (IllegalArgumentException outsideTheDataDirectory) {
      throw new NotFoundException("Attachment", id);
    }
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException("Attachment", id);
    }
    return new Download(
        AttachmentStore.safeFilename(attachment.getFilename()), attachment.getContentType(), file);
  }
}
