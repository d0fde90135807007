package io.rapport.team;

/**
 * A request Rapport turns down, with a message written for the person who asked (what was wrong
 * and what to do instead). Nothing has changed when it is thrown.
 */
public class Refusal extends RuntimeException {
  public Refusal(String message) {
    super(message);
  }
}
