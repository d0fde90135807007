package io.rapport.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case public identifiers of the domain enums with a message naming the field. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    if (text != null) {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text.trim())) {
          return e;
        }
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw new InvalidFieldException(
        field, "must be one of " + allowed + ", got " + (text == null ? "nothing" : "\"" + text + "\""));
  }
}
