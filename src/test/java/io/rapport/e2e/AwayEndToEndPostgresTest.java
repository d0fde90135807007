package io.rapport.e2e;

import io.rapport.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;

/** {@link AwayEndToEnd} on Postgres. */
class AwayEndToEndPostgresTest extends AwayEndToEnd {
  @Override
  TestDatabases.Kind kind() {
    Assumptions.assumeTrue(TestDatabases.kinds().size() > 1,
        "no PostgreSQL here (" + TestDatabases.POSTGRES_URL_ENV + " unset)");
    return TestDatabases.Kind.POSTGRESQL;
  }
}
