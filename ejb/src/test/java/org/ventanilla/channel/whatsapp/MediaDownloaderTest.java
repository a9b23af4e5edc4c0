package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;

class MediaDownloaderTest {

  @Test
  @DisplayName("the announced SHA-256 is checked in hex or base64, and a wrong one fails")
  void checksSha256() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest("foto".getBytes(StandardCharsets.UTF_8));
    assertTrue(MediaDownloader.matches(digest, HexFormat.of().formatHex(digest)));
    assertTrue(MediaDownloader.matches(digest, HexFormat.of().formatHex(digest).toUpperCase()));
    assertTrue(MediaDownloader.matches(digest, Base64.getEncoder().encodeToString(digest)));
    digest[0] ^= 1;
    assertFalse(
        MediaDownloader.matches(
            MessageDigest.getInstance("SHA-256").digest("foto".getBytes(StandardCharsets.UTF_8)),
            HexFormat.of().formatHex(digest)));
    assertFalse(MediaDownloader.matches(digest, "not a hash!"));
  }

  @Test
  @DisplayName("file names never carry a path; missing ones are made from the type")
  void safeDisplayNames() {
    assertEquals(
        "x.pdf",
        MediaDownloader.displayName(new Media("1", null, null, "..\\..\\x.pdf"), "d", "pdf"));
    assertEquals(
        "image.jpg", MediaDownloader.displayName(new Media("1", null, null, null), "image", "jpg"));
    assertEquals(
        "document.bin",
        MediaDownloader.displayName(new Media("1", null, null, "a/.."), "document", "bin"));
  }
}
