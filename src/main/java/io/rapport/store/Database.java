package io.rapport.store;

import io.rapport.config.Config;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: opens SQLite (WAL, foreign keys, busy timeout, immediate write transactions) or
 * PostgreSQL, runs the versioned migrations under {@code db/migration}, and hands out {@link Jdbi}.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Connections kept per process: SQLite serialises writers anyway; PostgreSQL is shared by instances. */
  static final int SQLITE_POOL_SIZE = 4;
  static final int POSTGRES_POOL_SIZE = 8;

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    // PostgreSQL text cannot hold NUL (SQLite can): every string bound to a statement carries
    // U+FFFD in its place, on both databases, so hostile text is a lookup that finds nothing
    // instead of a failed statement, and both databases keep the same characters.
    this.jdbi.registerArgument(new NoNulStrings());
  }

  /**
   * Opens the database at {@code jdbcUrl} behind a small connection pool (HikariCP) and brings its
   * schema up to date. Close it to release the connections.
   */
  public static Database open(String jdbcUrl) {
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("rapport-db");
    pool.setDataSource(dialect == Dialect.SQLITE ? sqlite(jdbcUrl) : postgres(jdbcUrl));
    pool.setMaximumPoolSize(dialect == Dialect.SQLITE ? SQLITE_POOL_SIZE : POSTGRES_POOL_SIZE);
    // Connections are opened on demand and closed when idle, so an idle Rapport holds none.
    pool.setMinimumIdle(0);
    pool.setIdleTimeout(Duration.ofSeconds(30).toMillis());
    pool.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
    HikariDataSource ds = new HikariDataSource(pool);
    try {
      Database db = new Database(ds, dialect);
      db.migrate();
      LOG.info("Database ready: {} ({})", Config.redactDatabaseUrl(jdbcUrl.split("\\?")[0]), dialect);
      return db;
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** Closes the pool's connections. */
  @Override
  public void close() {
    dataSource.close();
  }

  private static DataSource sqlite(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    // Write transactions take the lock at BEGIN, so two writers queue on the busy timeout
    // instead of failing with SQLITE_BUSY when a read lock is upgraded.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    return ds;
  }

  private static DataSource postgres(String jdbcUrl) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    return ds;
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
        .failOnMissingLocations(false)
        // Version ranges are handed out per change, so a database may already be past a newer
        // change's lower-numbered migration (e.g. V40 after V70): apply it rather than refuse.
        .outOfOrder(true)
        .load()
        .migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** True when the database answers a trivial query; used by {@code /healthz}. */
  public boolean isHealthy() {
    if (dataSource.isClosed()) {
      return false;
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      return s.execute("SELECT 1");
    } catch (SQLException e) {
      LOG.warn("Database health check failed: {}", e.getMessage());
      return false;
    }
  }

  /** Binds strings with NUL replaced by U+FFFD (see the constructor). */
  static final class NoNulStrings extends org.jdbi.v3.core.argument.AbstractArgumentFactory<String> {
    NoNulStrings() {
      super(java.sql.Types.VARCHAR);
    }

    @Override
    protected org.jdbi.v3.core.argument.Argument build(String value, org.jdbi.v3.core.config.ConfigRegistry config) {
      String bound = value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
      return (position, statement, ctx) -> statement.setString(position, bound);
    }
  }
}
