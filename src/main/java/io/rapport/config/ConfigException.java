package io.rapport.config;

/** Configuration that cannot be used; the message names the variable and what is wrong. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
