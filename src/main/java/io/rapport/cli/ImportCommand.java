package io.rapport.cli;

import io.rapport.interchange.InterchangeException;
import io.rapport.store.Store;
import io.rapport.transfer.DatabaseImport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.jdbi.v3.core.JdbiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE [--workspace T…]}: loads an interchange file into the database of {@code
 * DATABASE_URL}, all or nothing, idempotently (see {@link DatabaseImport}). Exit 0 on success, 2
 * on invalid input with a message naming the record and field (nothing is stored), 1 when the
 * database fails.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Load accounts and check-ins from an interchange file into the configured "
            + "database. All or nothing (one transaction); importing the same file again "
            + "changes nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:imported", "1:the database failed", "2:invalid input (nothing stored)"})
public final class ImportCommand extends WorkspaceFileCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "interchange file: {\"accounts\":[…],\"checkins\":[…]}")
  Path file;

  public ImportCommand() {
    this(System.out, System.err);
  }

  public ImportCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  OptionalInt refuseBeforeOpening() {
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      return OptionalInt.of(ExitCodes.USAGE);
    }
    return OptionalInt.empty();
  }

  @Override
  String name() {
    return "import";
  }

  @Override
  boolean createsWorkspace() {
    return true;
  }

  @Override
  int transfer(Store store, String ws) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      DatabaseImport.Result r = new DatabaseImport(store).run(ws, in, System.currentTimeMillis());
      out.printf("Imported %s into workspace %s: %d accounts (%d added or changed), %d check-ins (%d added"
              + " or changed).%n", file, ws, r.accounts(), r.accountsChanged(), r.checkIns(), r.checkInsChanged());
      return ExitCodes.OK;
    } catch (InterchangeException e) {
      err.println(file + ": " + e.getMessage());
      err.println("Nothing was imported.");
      return ExitCodes.USAGE;
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file");
      return ExitCodes.USAGE;
    } catch (AccessDeniedException e) {
      err.println(file + ": permission denied");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println(file + ": cannot be read (" + e.getMessage() + "). Nothing was imported.");
      return ExitCodes.USAGE;
    } catch (JdbiException e) {
      err.println("import: the database refused the data, so nothing was imported: " + rootMessage(e));
      return 1;
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m != null && m.contains("accounts_active_name")) {
      return "two active accounts would share a name (an account in the file has the name of a"
          + " different account already in the database)";
    }
    return m == null ? t.toString() : m.split("\n")[0];
  }
}
