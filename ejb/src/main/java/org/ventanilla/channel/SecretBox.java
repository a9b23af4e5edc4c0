package org.ventanilla.channel;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ventanilla.platform.Settings;

/**
 * Encrypts channel secrets (passwords, tokens) before they reach the database, with AES-256-GCM.
 * The key lives with the server, never in the database: {@code VENTANILLA_SECRET_KEY} (base64 of 32
 * bytes), or a key file in the server's configuration directory, created on first use. Servers
 * sharing one database must share the key.
 */
@ApplicationScoped
public class SecretBox {

  private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /**
   * Webhooks decrypt app secrets on every delivery; a cipher's set-up per call showed in profiles.
   */
  private static final int MAX_OPENED = 256;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> opened = new ConcurrentHashMap<>();
  private SecretKeySpec key;

  @PostConstruct
  void loadKey() {
    key = new SecretKeySpec(keyBytes(), "AES");
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a secret", e);
    }
  }

  public String decrypt(String sealed) {
    if (sealed == null) {
      return null;
    }
    String known = opened.get(sealed);
    if (known != null) {
      return known;
    }
    String plain = open(sealed);
    if (opened.size() >= MAX_OPENED) {
      opened.clear();
    }
    opened.put(sealed, plain);
    return plain;
  }

  private String open(String sealed) {
    if (!sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("A stored secret is not in a known format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: was VENTANILLA_SECRET_KEY changed?", e);
    }
  }

  private static byte[] keyBytes() {
    var configured = Settings.get("ventanilla.secret.key");
    if (configured.isPresent()) {
      return decodeKey(configured.get(), "VENTANILLA_SECRET_KEY");
    }
    Path file =
        Path.of(
            Settings.get("ventanilla.secret.key.file")
                .orElse(
                    System.getProperty("jboss.server.config.dir", ".") + "/ventanilla-secret.key"));
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
            file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the directory's permissions protect it.
        }
        LOG.info(() -> "Created the key for channel secrets: " + file);
      }
      return decodeKey(Files.readString(file).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
    }
  }

  private static byte[] decodeKey(String base64, String source) {
    byte[] bytes = Base64.getDecoder().decode(base64.strip());
    if (bytes.length != 32) {
      throw new IllegalStateException(source + " must hold 32 bytes in base64");
    }
    return bytes;
  }
}
