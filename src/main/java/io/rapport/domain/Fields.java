package io.rapport.domain;

/** Range checks shared by the domain records; each failure names the field. */
final class Fields {
  private Fields() {}

  static String require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    return value;
  }

  static Integer nonNegative(String field, Integer value) {
    if (value != null && value < 0) {
      throw new InvalidFieldException(field, "must be 0 or more, got " + value);
    }
    return value;
  }

  static Double nonNegative(String field, Double value) {
    if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
      throw new InvalidFieldException(field, "must be a number of 0 or more, got " + value);
    }
    return value;
  }

  static Double between(String field, Double value, double min, double max) {
    if (value != null && (value.isNaN() || value < min || value > max)) {
      throw new InvalidFieldException(
          field, "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value));
    }
    return value;
  }

  static Integer between(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new InvalidFieldException(
          field, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
