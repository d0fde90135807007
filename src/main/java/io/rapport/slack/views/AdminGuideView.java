package io.rapport.slack.views;

/**
 * {@code /relationship-admin help}: a getting-started guide in the order the steps work, each with
 * an example an admin can copy, before the reference of every subcommand.
 */
public final class AdminGuideView {
  private AdminGuideView() {}

  public static final String GUIDE = """
      *Getting started with Rapport* — six steps, then the weekly check-ins run on their own. \
      Your *Home* tab in Rapport shows the same steps as a checklist with a button for each.
      1. *Create a team* (a manager and the reps who report to them):
         `/relationship-admin team create Sales East`
      2. *Name its manager* (they get the team's report and a weekly digest of flags):
         `/relationship-admin team Sales East manager @ann`
      3. *Add the reps* (each gets a DM every week about their key accounts):
         `/relationship-admin team Sales East members add @bob @cara`
      4. *Pick the channel where the team discusses flags:*
         `/relationship-admin team Sales East channel #sales-east`
         Rapport checks it can post there and says so. A public channel works as it is; for a \
      private channel, first type `/invite @Rapport` in it.
      5. *Check the check-in time* (default Friday 15:00, in each rep's own time zone):
         `/relationship-admin team Sales East schedule thu 16:30`
      6. *Key accounts*: reps add their own with `/accounts add "Acme Pty Ltd" key`; you or the \
      manager can add one for a rep: `/accounts add "Acme Pty Ltd" @bob key`
      Don't want to wait for the schedule? `/relationship-admin prompt-now team Sales East` sends \
      this week's check-in now. Managers then see `/relationship-report`; reps use `/checkin`. \
      A team's thresholds, each explained: `/relationship-admin team Sales East policy show`.
      """;

  /** The guide followed by {@code reference} (every subcommand's usage). */
  public static String withReference(String reference) {
    return GUIDE + "\n*Reference*\n" + reference;
  }
}
