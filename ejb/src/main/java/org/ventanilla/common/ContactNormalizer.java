package org.ventanilla.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * One spelling per address, so that lookups and the unique key agree: email addresses lower-cased,
 * phone numbers in E.164 (libphonenumber; numbers without a country code are read in the default
 * region, Spain unless configured).
 */
public final class ContactNormalizer {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private ContactNormalizer() {}

  public static String email(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("invalid_email", "An email address is required");
    }
    try {
      InternetAddress address = new InternetAddress(raw.trim(), true);
      String value = address.getAddress();
      if (value == null || !value.contains("@") || value.endsWith("@")) {
        throw new AddressException("no domain", raw);
      }
      return value.toLowerCase(Locale.ROOT);
    } catch (AddressException e) {
      throw new InvalidInputException("invalid_email", "Not a valid email address: " + raw);
    }
  }

  /** E.164, such as +34612345678; WhatsApp's wa_id (digits without '+') is accepted too. */
  public static String phone(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("invalid_phone", "A phone number is required");
    }
    String candidate = raw.trim();
    if (candidate.matches("\\d{8,15}") && !PHONES.isPossibleNumber(candidate, defaultRegion)) {
      candidate = "+" + candidate;
    }
    try {
      PhoneNumber number = PHONES.parse(candidate, defaultRegion);
      if (!PHONES.isPossibleNumber(number)) {
        throw new InvalidInputException("invalid_phone", "Not a possible phone number: " + raw);
      }
      return PHONES.format(number, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new InvalidInputException("invalid_phone", "Not a valid phone number: " + raw);
    }
  }

  /**
   * A WhatsApp id is already international, digits only; it is kept exactly as WhatsApp spells it
   * (Mexican ids keep their historic mobile "1", which libphonenumber no longer accepts), because
   * replies must go to that very id.
   */
  public static String whatsappId(String waId) {
    if (waId == null || !waId.matches("\\+?\\d{6,15}")) {
      throw new InvalidInputException("invalid_phone", "Not a WhatsApp id: " + waId);
    }
    return waId.startsWith("+") ? waId : "+" + waId;
  }
}
