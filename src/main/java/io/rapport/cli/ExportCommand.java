package io.rapport.cli;

import io.rapport.store.Store;
import io.rapport.transfer.DatabaseExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code export FILE [--workspace T…]}: writes a workspace's accounts and check-ins as an
 * interchange file (see {@link DatabaseExport}); the file is written beside the target and moved
 * into place, so a failed export never leaves half a file.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write all active accounts and their check-ins from the configured database to an "
            + "interchange file. Importing it again changes nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:exported", "1:the file could not be written", "2:invalid input"})
public final class ExportCommand extends WorkspaceFileCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "the interchange file to write (replaced)")
  Path file;

  public ExportCommand() {
    this(System.out, System.err);
  }

  public ExportCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  String name() {
    return "export";
  }

  @Override
  boolean createsWorkspace() {
    return false;
  }

  @Override
  int transfer(Store store, String ws) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), ".rapport-export-", ".json");
      DatabaseExport.Result r;
      try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        r = new DatabaseExport(store).run(ws, o);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out.printf("Exported workspace %s to %s: %d accounts, %d check-ins.%n", ws, file, r.accounts(), r.checkIns());
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println(file + ": cannot be written (" + e.getMessage() + ")");
      return 1;
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // already moved, or nothing to clean up
        }
      }
    }
  }
}
