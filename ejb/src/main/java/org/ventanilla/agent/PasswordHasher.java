package org.ventanilla.agent;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.ventanilla.common.InvalidInputException;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes passwords with Elytron's own bcrypt, in the modular-crypt form ($2a$...) that the
 * jdbc-realm's modular-crypt mapper verifies at login: one implementation on both sides.
 */
@ApplicationScoped
public class PasswordHasher {

  static final int MIN_LENGTH = 8;
  private static final int COST = 10;
  private static final int SALT_BYTES = 16;
  private static final WildFlyElytronPasswordProvider PROVIDER =
      WildFlyElytronPasswordProvider.getInstance();

  private final SecureRandom random = new SecureRandom();

  public String hash(String password) {
    checkStrength(password);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
      BCryptPassword hashed =
          (BCryptPassword)
              factory.generatePassword(
                  new EncryptablePasswordSpec(
                      password.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
      return ModularCrypt.encodeAsString(hashed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bcrypt is not available", e);
    }
  }

  public boolean verify(String password, String modularCryptHash) {
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
      return factory.verify(
          factory.translate(ModularCrypt.decode(modularCryptHash)), password.toCharArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The product's only password rule: long enough to resist guessing; bcrypt reads 72 bytes. */
  public static void checkStrength(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new InvalidInputException(
          "weak_password", "The password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      throw new InvalidInputException("weak_password", "The password must be at most 72 bytes");
    }
  }
}
