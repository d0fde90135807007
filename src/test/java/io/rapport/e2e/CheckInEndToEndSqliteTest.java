package io.rapport.e2e;

import io.rapport.testing.TestDatabases;

/** {@link CheckInEndToEnd} on the embedded SQLite file. */
class CheckInEndToEndSqliteTest extends CheckInEndToEnd {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
