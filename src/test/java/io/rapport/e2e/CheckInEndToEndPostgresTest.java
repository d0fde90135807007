package io.rapport.e2e;

import io.rapport.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;

/** {@link CheckInEndToEnd} on a real PostgreSQL server (required in CI, skipped elsewhere without one). */
class CheckInEndToEndPostgresTest extends CheckInEndToEnd {
  @Override
  TestDatabases.Kind kind() {
    Assumptions.assumeTrue(TestDatabases.kinds().size() > 1,
        "no PostgreSQL here (" + TestDatabases.POSTGRES_URL_ENV + " unset)");
    return TestDatabases.Kind.POSTGRESQL;
  }
}
