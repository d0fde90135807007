package io.rapport.interchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the fields of one JSON object with strict types. The first problem in a record is
 * remembered rather than thrown at once, and the rest of the record is still read, so that the
 * error can name the record by its id and week even when those come after the bad field.
 */
final class FieldReader {
  private static final int MAX_SHOWN = 40;

  private final JsonParser parser;
  private final String prefix;
  private long seen;
  private String problemField;
  private String problemReason;

  FieldReader(JsonParser parser, String prefix) {
    this.parser = parser;
    this.prefix = prefix;
  }

  /** Advances to the next field's value and returns the field's name, or null at the object's end. */
  String nextField() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    if (t != JsonToken.FIELD_NAME) {
      throw new InterchangeException(null, null, "the file ends unexpectedly (truncated?)");
    }
    String name = parser.currentName();
    if (parser.nextToken() == null) {
      throw new InterchangeException(null, null, "the file ends unexpectedly (truncated?)");
    }
    return name;
  }

  String string(String field, int bit) throws IOException {
    if (!firstTime(field, bit)) {
      return null;
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(field, "a string");
    }
    return null;
  }

  Integer integer(String field, int bit) throws IOException {
    if (!firstTime(field, bit)) {
      return null;
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.INT) {
        return parser.getIntValue();
      }
      problem(field, "must be a whole number no larger than " + Integer.MAX_VALUE + ", got " + shown());
      return null;
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(field, "a whole number");
    }
    return null;
  }

  Double number(String field, int bit) throws IOException {
    if (!firstTime(field, bit)) {
      return null;
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = parser.getDoubleValue();
      if (Double.isInfinite(d)) {
        problem(field, "must be a finite number, got " + shown());
        return null;
      }
      return d;
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(field, "a number");
    }
    return null;
  }

  Boolean bool(String field, int bit) throws IOException {
    if (!firstTime(field, bit)) {
      return null;
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(field, "true or false");
    }
    return null;
  }

  /** True when the current value is an object whose fields the caller should now read. */
  boolean startObject(String field, int bit) throws IOException {
    if (!firstTime(field, bit)) {
      return false;
    }
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t != JsonToken.VALUE_NULL) {
      wrongType(field, "an object");
    }
    return false;
  }

  void unknown(String field, String known) throws IOException {
    problem(field, "unknown field; known fields are " + known);
    parser.skipChildren();
  }

  void problem(String field, String reason) {
    if (problemField == null) {
      problemField = field;
      problemReason = reason;
    }
  }

  boolean hasProblem() {
    return problemField != null;
  }

  /** Takes over a nested reader's problem, if this reader has none yet. */
  void adopt(FieldReader nested) {
    if (nested.hasProblem()) {
      problem(nested.problemField, nested.problemReason);
    }
  }

  void throwProblem(String record) {
    if (problemField != null) {
      throw new InterchangeException(record, problemField, problemReason);
    }
  }

  private boolean firstTime(String field, int bit) throws IOException {
    long mask = 1L << bit;
    if ((seen & mask) != 0) {
      problem(field, "appears twice in the record");
      parser.skipChildren();
      return false;
    }
    seen |= mask;
    return true;
  }

  private void wrongType(String field, String expected) throws IOException {
    problem(field, "must be " + expected + ", got " + shown());
    parser.skipChildren();
  }

  private String shown() throws IOException {
    JsonToken t = parser.currentToken();
    return switch (t) {
      case VALUE_STRING -> "\"" + abbreviate(parser.getText()) + "\"";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> abbreviate(parser.getText());
      default -> InterchangeReader.describe(t);
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 1) + "…";
  }
}
