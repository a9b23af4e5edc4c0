package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ventanilla.platform.DataDirectory;

class AttachmentStoreTest {

  @Test
  @DisplayName(
      "a sender's file name loses its folders, control and bidi characters, and its excess")
  void safeFilenames() {
    assertEquals("passwd", AttachmentStore.safeFilename("../../../../etc/passwd"));
    assertEquals("win.ini", AttachmentStore.safeFilename("..\\..\\windows\\win.ini"));
    assertEquals("shadow", AttachmentStore.safeFilename("/etc/shadow"));
    assertEquals("evil_.txt", AttachmentStore.safeFilename("evil\0.txt"));
    assertEquals("evil_fdp.exe", AttachmentStore.safeFilename("evil\u202Efdp.exe"));
    assertEquals("résumé ✓.pdf", AttachmentStore.safeFilename("résumé ✓.pdf"));
    assertEquals("attachment", AttachmentStore.safeFilename("a/.."));
    assertEquals("attachment", AttachmentStore.safeFilename(" "));
    assertEquals(200, AttachmentStore.safeFilename("x".repeat(1000) + ".pdf").length());
    assertEquals(".pdf", AttachmentStore.safeFilename("x".repeat(1000) + ".pdf").substring(196));
  }

  @Test
  @DisplayName("a stored attachment is 600 in folders of 700")
  void storedFilesArePrivate(@TempDir Path temp) throws IOException {
    AttachmentStore store = new AttachmentStore();
    store.dataDirectory = new DataDirectory(temp.resolve("data"));
    AttachmentStore.StoredFile stored = store.store("factura".getBytes());
    Path file = store.resolve(stored.path());

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    for (Path dir = file.getParent(); !dir.equals(temp); dir = dir.getParent()) {
      assertEquals(
          "rwx------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
          dir.toString());
    }
  }

  @Test
  @DisplayName("a Content-ID is kept without its angle brackets")
  void contentIdsAreBare() {
    assertEquals("img1@gmail", Attachment.bareContentId(" <img1@gmail> "));
    assertEquals("plain@id", Attachment.bareContentId("plain@id"));
    assertEquals(null, Attachment.bareContentId("<>"));
    assertEquals(null, Attachment.bareContentId(null));
  }
}
