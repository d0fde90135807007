package io.rapport.insight;

/** An override that names an unknown threshold or gives it a value it cannot take. */
public final class PolicyException extends IllegalArgumentException {
  public PolicyException(String message) {
    super(message);
  }
}
