package io.rapport.store;

/**
 * The two databases Rapport runs on. SQL is written to run on both; the few differences live
 * here.
 */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported JDBC URL: " + jdbcUrl.split("\\?")[0]);
  }

  /** Flyway's vendor folder under {@code db/migration}. */
  String migrationFolder() {
    return this == SQLITE ? "sqlite" : "postgresql";
  }
}
