package io.rapport.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Named;

/**
 * The real databases tests run against: a fresh SQLite file always, and a fresh schema in a real
 * PostgreSQL server when {@code RAPPORT_TEST_POSTGRES_URL} is set ({@code .ci/postgres.sh} starts
 * one and prints the URL; CI always sets it, and a CI run without it fails rather than skipping).
 */
public final class TestDatabases {
  public static final String POSTGRES_URL_ENV = "RAPPORT_TEST_POSTGRES_URL";

  private TestDatabases() {}

  /** Kinds of database a store test runs on. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  /** The kinds available here, for {@code @MethodSource}-driven tests. */
  public static List<Named<Kind>> kinds() {
    List<Named<Kind>> kinds = new ArrayList<>();
    kinds.add(Named.of("SQLite", Kind.SQLITE));
    if (postgresUrl() != null) {
      kinds.add(Named.of("PostgreSQL", Kind.POSTGRESQL));
    } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(POSTGRES_URL_ENV + " is not set in CI: run .ci/postgres.sh first");
    }
    return kinds;
  }

  /** A JDBC URL to an empty database of that kind. */
  public static String freshUrl(Kind kind, Path dir) {
    return kind == Kind.SQLITE
        ? "jdbc:sqlite:" + dir.resolve("test-" + UUID.randomUUID() + ".db")
        : freshPostgresSchema();
  }

  public static String postgresUrl() {
    String url = System.getenv(POSTGRES_URL_ENV);
    return url == null || url.isBlank() ? null : url;
  }

  /** Creates an empty schema in the test PostgreSQL database and returns a URL that uses it. */
  public static String freshPostgresSchema() {
    String base = postgresUrl();
    if (base == null) {
      throw new IllegalStateException(POSTGRES_URL_ENV + " is not set");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in PostgreSQL: " + e.getMessage(), e);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
