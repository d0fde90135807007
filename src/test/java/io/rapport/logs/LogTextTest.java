package io.rapport.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void aLoggedFailureKeepsItsClassesAndFramesButNotWhatItQuoted() {
    SQLException cause = new SQLException("duplicate key: (name)=(Megacorp, our secret client)");
    IllegalStateException failure = new IllegalStateException("note was 'rep admits quota pressure'", cause);
    failure.addSuppressed(new RuntimeException("https://evil.example/?q=typed"));

    String logged = ThrowableProxyUtil.asString(new ThrowableProxy(LogText.withoutMessages(failure)));

    assertThat(logged)
        .contains("java.lang.IllegalStateException (message withheld)")
        .contains("java.sql.SQLException (message withheld)")
        .contains("java.lang.RuntimeException (message withheld)")
        .contains("LogTextTest.aLoggedFailureKeepsItsClassesAndFramesButNotWhatItQuoted")
        .doesNotContain("Megacorp")
        .doesNotContain("quota")
        .doesNotContain("evil.example");
  }

  @Test
  void aFailureThatIsItsOwnCauseEnds() {
    Throwable looped = new RuntimeException("x") {
      @Override
      public synchronized Throwable getCause() {
        return this;
      }
    };

    assertThat(LogText.withoutMessages(looped).getCause()).isNull();
  }

  @Test
  void onlyIdShapedValuesAreLogged() {
    assertThat(LogText.id("U0REP0001")).isEqualTo("U0REP0001");
    assertThat(LogText.id("Megacorp <!channel>")).isEqualTo("(not an id, 19 chars)");
    assertThat(LogText.id(null)).isEqualTo("(none)");
  }

  @Test
  void aFailureIsNamedByItsClasses() {
    assertThat(LogText.failure(new IllegalStateException("secret", new SQLException("more secret"))))
        .isEqualTo("IllegalStateException <- SQLException");
  }
}
