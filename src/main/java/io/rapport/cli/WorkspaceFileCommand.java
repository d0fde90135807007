package io.rapport.cli;

import io.rapport.config.Config;
import io.rapport.config.ConfigException;
import io.rapport.store.Database;
import io.rapport.store.Store;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * What {@code import} and {@code export} share: the {@code --workspace} option, the configured
 * database, the choice of workspace and how a refusal is reported. A subclass moves the data.
 */
abstract class WorkspaceFileCommand implements Callable<Integer> {
  protected final PrintStream out;
  protected final PrintStream err;

  @Option(names = "--workspace", paramLabel = "T…",
      description = "Slack team id of the workspace (default: the only workspace in the database)")
  String workspace;

  protected WorkspaceFileCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public final Integer call() {
    Config config;
    try {
      config = Config.load();
    } catch (ConfigException e) {
      err.println("Rapport cannot start: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return run(config.databaseUrl());
  }

  /** Runs against the database at {@code jdbcUrl}. */
  public final int run(String jdbcUrl) {
    OptionalInt refused = refuseBeforeOpening();
    if (refused.isPresent()) {
      return refused.getAsInt();
    }
    try (Database database = Database.open(jdbcUrl)) {
      Store store = new Store(database);
      String ws;
      try {
        ws = WorkspaceChoice.choose(store, workspace, createsWorkspace());
      } catch (WorkspaceChoice.Invalid e) {
        err.println(name() + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
      return transfer(store, ws);
    }
  }

  /** The command's name, which starts its error messages. */
  abstract String name();

  /** Whether a workspace named with {@code --workspace} may be new to the database. */
  abstract boolean createsWorkspace();

  /** A check that needs no database (a missing input file); empty to go on. */
  OptionalInt refuseBeforeOpening() {
    return OptionalInt.empty();
  }

  /** Moves the data of workspace {@code ws}; returns the exit code. */
  abstract int transfer(Store store, String ws);
}
