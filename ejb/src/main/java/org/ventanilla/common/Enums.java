package org.ventanilla.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values travel lower-case in JSON and URLs. */
public final class Enums {

  private Enums() {}

  public static String json(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required");
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enums::json).collect(Collectors.joining("|"));
      throw new InvalidInputException(
          field + " must be one of " + allowed + ", not '" + value + "'");
    }
  }
}
