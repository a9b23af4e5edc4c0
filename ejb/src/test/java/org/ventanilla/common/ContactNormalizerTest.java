package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactNormalizerTest {

  @Test
  void emailAddressesAreLowerCasedAndTrimmed() {
    assertEquals("lucia@example.com", ContactNormalizer.email("  Lucia@Example.COM "));
  }

  @Test
  void emailWithDisplayNameKeepsOnlyTheAddress() {
    assertEquals("lucia@example.com", ContactNormalizer.email("Lucía <lucia@example.com>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not an address", "lucia@", "a@b@c"})
  void malformedEmailIsAClearError(String raw) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ContactNormalizer.email(raw));
    assertEquals("invalid_email", e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"612 345 678", "+34 612 34 56 78", "0034612345678", "(+34) 612-345-678"})
  void spanishNumbersInAnyFormattingBecomeE164(String raw) {
    assertEquals("+34612345678", ContactNormalizer.phone(raw, "ES"));
  }

  @Test
  void whatsappIdWithoutPlusIsInternational() {
    assertEquals("+5215512345678", ContactNormalizer.whatsappId("5215512345678"));
    assertEquals("+34612345678", ContactNormalizer.whatsappId("34612345678"));
  }

  @Test
  void foreignNumberKeepsItsCountry() {
    assertEquals("+447700900123", ContactNormalizer.phone("+44 7700 900123", "ES"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12"})
  void impossibleNumberIsAClearError(String raw) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ContactNormalizer.phone(raw, "ES"));
    assertEquals("invalid_phone", e.code());
  }
}
