package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
