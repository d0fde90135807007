package io.rapport.insight;

/**
 * What one rep's whole book of accounts looked like over the policy window: the context {@link
 * Pattern#OVER_SERVICING} needs to tell "this client takes a lot of service" from "this rep has
 * stopped prospecting".
 *
 * @param rep Slack user id of the rep
 * @param accounts accounts with at least one check-in by the rep in the window
 * @param checkIns check-ins by the rep in the window
 * @param newBusinessCheckIns of those, check-ins with new business (progressed, won, revenue)
 * @param serviceHours service hours the rep reported in the window
 */
public record RepBook(
    String rep, int accounts, int checkIns, int newBusinessCheckIns, double serviceHours) {

  /** Share of the rep's check-ins with new business, in percent (0 when there are none). */
  public double newBusinessPct() {
    return checkIns == 0 ? 0 : 100.0 * newBusinessCheckIns / checkIns;
  }
}
