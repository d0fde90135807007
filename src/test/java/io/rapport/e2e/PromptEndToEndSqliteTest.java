package io.rapport.e2e;

import io.rapport.testing.TestDatabases;

/** {@link PromptEndToEnd} on SQLite. */
class PromptEndToEndSqliteTest extends PromptEndToEnd {
  @Override
  TestDatabases.Kind kind() {
    return TestDatabases.Kind.SQLITE;
  }
}
