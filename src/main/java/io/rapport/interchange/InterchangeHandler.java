package io.rapport.interchange;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;

/**
 * Receives the records of an interchange file as they are read, so that a large file never has to
 * be held in memory. Records arrive in file order, each already validated on its own. Checks that
 * need the whole file (a check-in naming an account listed only further down) can fail after
 * records were delivered, so a consumer must treat the file as all-or-nothing: stage what it
 * receives (an import runs in one transaction) and discard it when {@link InterchangeReader}
 * throws. When two check-ins share an account and week, both are delivered; the later wins.
 */
public interface InterchangeHandler {

  /** One account; {@code index} is its position in the "accounts" array. */
  void account(int index, Account account);

  /** One check-in; {@code index} is its position in the "checkins" array. */
  void checkIn(int index, CheckIn checkIn);
}
