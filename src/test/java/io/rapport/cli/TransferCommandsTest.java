package io.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.report.DemoBook;
import io.rapport.store.Database;
import io.rapport.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.rapport.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code import} and {@code export} against a real SQLite file. */
class TransferCommandsTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  String url;

  String url() {
    if (url == null) {
      url = "jdbc:sqlite:" + dir.resolve("rapport.db");
    }
    return url;
  }

  int importFile(Path file, String... options) {
    ImportCommand cmd = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String[] args = new String[options.length + 1];
    args[0] = file.toString();
    System.arraycopy(options, 0, args, 1, options.length);
    new CommandLine(cmd).parseArgs(args);
    return cmd.run(url());
  }

  int exportFile(Path file, String... options) {
    ExportCommand cmd = new ExportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String[] args = new String[options.length + 1];
    args[0] = file.toString();
    System.arraycopy(options, 0, args, 1, options.length);
    new CommandLine(cmd).parseArgs(args);
    return cmd.run(url());
  }

  Path demoFile() throws Exception {
    Path f = dir.resolve("demo.json");
    try (InputStream in = DemoBook.class.getResourceAsStream(DemoBook.RESOURCE)) {
      Files.copy(in, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return f;
  }

  int count(String table) {
    return new Store(Database.open(url())).jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void importThenExportRoundTripsByteForByte(TestDatabases.Kind kind) throws Exception {
    url = TestDatabases.freshUrl(kind, dir);
    assertThat(importFile(demoFile(), "--workspace", "T0ACME")).isZero();
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    assertThat(exportFile(first)).isZero();
    assertThat(importFile(first)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("23 accounts (0 added or changed), 263 check-ins (0 added or changed)");
    assertThat(exportFile(second)).isZero();
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(count("accounts")).isEqualTo(23);
    assertThat(count("checkins")).isEqualTo(263);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void reimportingTheSameFileChangesNothing(TestDatabases.Kind kind) throws Exception {
    url = TestDatabases.freshUrl(kind, dir);
    Path demo = demoFile();
    assertThat(importFile(demo, "--workspace", "T0ACME")).isZero();
    long updated = new Store(Database.open(url())).jdbi().withHandle(h -> h.createQuery("SELECT MAX(updated_at) FROM checkins").mapTo(Long.class).one());
    assertThat(importFile(demo)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("(0 added or changed), 263 check-ins (0 added or changed)");
    long after = new Store(Database.open(url())).jdbi().withHandle(h -> h.createQuery("SELECT MAX(updated_at) FROM checkins").mapTo(Long.class).one());
    assertThat(after).isEqualTo(updated);
  }

  @ParameterizedTest
  @MethodSource("io.rapport.testing.TestDatabases#kinds")
  void anInvalidFileIsRefusedWithTheRecordAndFieldAndNothingIsStored(TestDatabases.Kind kind) throws Exception {
    url = TestDatabases.freshUrl(kind, dir);
    String text = Files.readString(demoFile()).replaceFirst("\"paymentDays\": 62", "\"paymentDays\": -5");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text);
    assertThat(importFile(bad, "--workspace", "T0ACME")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("checkins[").contains("paymentDays").contains("Nothing was imported");
    assertThat(count("accounts")).isZero();
    assertThat(count("checkins")).isZero();
  }

  @Test
  void theWorkspaceMustBeNamedWhenItCannotBeGuessed() throws Exception {
    assertThat(importFile(demoFile())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workspace");
    assertThat(importFile(demoFile(), "--workspace", "T0ONE")).isZero();
    assertThat(importFile(demoFile(), "--workspace", "T0TWO")).isZero();
    assertThat(exportFile(dir.resolve("x.json"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("several workspaces (T0ONE, T0TWO)");
    assertThat(exportFile(dir.resolve("x.json"), "--workspace", "nonsense")).isEqualTo(2);
  }

  @Test
  void aMissingFileIsAClearError() {
    assertThat(importFile(dir.resolve("nope.json"), "--workspace", "T0ACME")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }
}
