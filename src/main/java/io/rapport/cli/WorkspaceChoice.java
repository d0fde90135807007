package io.rapport.cli;

import io.rapport.store.Store;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which Slack workspace a command run outside Slack works on: the one given with {@code
 * --workspace}, or the only workspace in the database. The interchange format carries no
 * workspace, so with several (or, for an import into an empty database, none) the option is
 * required.
 */
final class WorkspaceChoice {
  private static final Pattern TEAM_ID = Pattern.compile("[TE][A-Z0-9]{2,31}");

  private WorkspaceChoice() {}

  /** The workspace to use; the exception's message says what to pass. */
  static String choose(Store store, String given, boolean mayCreate) throws Invalid {
    List<String> known = store.reports().workspaces();
    if (given != null) {
      if (!TEAM_ID.matcher(given).matches()) {
        throw new Invalid("--workspace takes a Slack team id such as T012AB3CD, got \"" + given + "\"");
      }
      if (!mayCreate && !known.contains(given)) {
        throw new Invalid("the database has no workspace " + given
            + (known.isEmpty() ? "" : "; it has " + String.join(", ", known)));
      }
      return given;
    }
    if (known.size() == 1) {
      return known.get(0);
    }
    if (known.isEmpty()) {
      throw new Invalid(mayCreate
          ? "the database has no workspace yet; say which Slack workspace the data belongs to with"
              + " --workspace T… (your Slack team id)"
          : "the database has no workspace yet, so there is nothing to export");
    }
    throw new Invalid("the database holds several workspaces (" + String.join(", ", known)
        + "); choose one with --workspace");
  }

  /** A workspace that cannot be used. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }
}
