package io.rapport.e2e;

import io.rapport.testing.TestDatabases;

/** {@link AwayEndToEnd} on Sqlite. */
class AwayEndToEndSqliteTest extends AwayEndToEnd {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
