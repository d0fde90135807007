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
  /**
   * Connections kept apart for the writes somebody waits for (see {@link #reservedFor(Runnable)}):
   * background work — after-ack subscribers, prompt senders, sweeps — never takes them, so a burst
   * of it cannot starve a check-in of a connection until its ack deadline has passed.
   */
  static final int SQLITE_RESERVED_POOL_SIZE = 4;
  static final int POSTGRES_RESERVED_POOL_SIZE = 8;
  private static final ThreadLocal<Boolean> RESERVED = ThreadLocal.withInitial(() -> false);

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final HikariDataSource reserved;

  private Database(HikariDataSource dataSource, HikariDataSource reserved, Dialect dialect) {
    this.dataSource = dataSource;
    this.reserved = reserved;
    this.dialect = dialect;
    // One Jdbi, two pools: a thread marked by reservedFor(...) draws from the reserved one.
    this.jdbi = Jdbi.create(() -> (RESERVED.get() ? reserved : dataSource).getConnection())
        .installPlugin(new SqlObjectPlugin());
    // PostgreSQL text cannot hold NUL (SQLite can): every string bound to a statement carries
    // U+FFFD in its place, on both databases, so hostile text is a lookup that finds nothing
    // instead of a failed statement, and both databases keep the same characters.
    this.jdbi.registerArgument(new NoNulStrings());
  }

  /**
   * {@code work} with every database call made on its thread served from the connections kept for
   * writes somebody waits for ({@code BoundedWrites}' threads run their whole life inside this).
   */
  public static Runnable reservedFor(Runnable work) {
    return () -> {
      RESERVED.set(true);
      try {
        work.run();
      } finally {
        RESERVED.remove();
      }
    };
  }

  /**
   * Opens the database at {@code jdbcUrl} behind a small connection pool (HikariCP) and brings its
   * schema up to date. Close it to release the connections.
   */
  public static Database open(String jdbcUrl) {
    Dialect dialect = Dialect.of(jdbcUrl);
    boolean sqlite = dialect == Dialect.SQLITE;
    HikariDataSource ds = pool("rapport-db", jdbcUrl, dialect, sqlite ? SQLITE_POOL_SIZE : POSTGRES_POOL_SIZE,
        Duration.ofSeconds(15));
    HikariDataSource reserved = null;
    try {
      // A waiting write gives up at its own deadline; its pool wait need not outlast that.
      reserved = pool("rapport-db-reserved", jdbcUrl, dialect,
          sqlite ? SQLITE_RESERVED_POOL_SIZE : POSTGRES_RESERVED_POOL_SIZE, Duration.ofSeconds(3));
      Database db = new Database(ds, reserved, dialect);
      db.migrate();
      LOG.info("Database ready: {} ({})", Config.redactDatabaseUrl(jdbcUrl.split("\\?")[0]), dialect);
      return db;
    } catch (RuntimeException e) {
      ds.close();
      if (reserved != null) {
        reserved.close();
      }
      throw e;
    }
  }

  private static HikariDataSource pool(String name, String jdbcUrl, Dialect dialect, int size, Duration wait) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName(name);
    pool.setDataSource(dialect == Dialect.SQLITE ? sqlite(jdbcUrl) : postgres(jdbcUrl));
    pool.setMaximumPoolSize(size);
    // Connections are opened on demand and closed when idle, so an idle Rapport holds none.
    pool.setMinimumIdle(0);
    pool.setIdleTimeout(Duration.ofSeconds(30).toMillis());
    pool.setConnectionTimeout(wait.toMillis());
    return new HikariDataSource(pool);
  }

  /** Closes the pools' connections. */
  @Override
  public void close() {
    dataSource.close();
    reserved.close();
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
