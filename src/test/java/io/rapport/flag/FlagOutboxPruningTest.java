package io.rapport.flag;

import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Flag;
import io.rapport.domain.FlagStatus;
import io.rapport.outbox.Entry;
import io.rapport.outbox.Outbox;
import io.rapport.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The daily sweep prunes old outbox rows, but a flag's rows (its parent message and thread notes)
 * stay while the flag is open, and go once it is closed and they are old; Slack is not touched.
 */
class FlagOutboxPruningTest {
  FlagScenario s;

  static List<Named<TestDatabases.Kind>> kinds() {
    return TestDatabases.kinds();
  }

  @AfterEach
  void stop() throws Exception {
    if (s != null) {
      s.close();
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aFlagsMessagesStayInTheOutboxWhileItIsOpenAndGoOnceItIsClosedAndOld(TestDatabases.Kind kind)
      throws Exception {
    s = FlagScenario.start(true, kind);
    s.lateTwice();
    Flag flag = s.onlyOpenFlag();
    s.paid(s.week().minusWeeks(2), 61); // a warning now: a note in the thread
    s.checkedIn();
    assertThat(s.replies(flag.messageTs())).hasSize(1);
    Outbox outbox = s.rapport.rapport().foundation().outbox();
    String parent = FlagDelivery.parentKey(flag.id());
    assertThat(outbox.find(parent).orElseThrow().state()).isEqualTo(Entry.SENT);
    List<String> rows = flagRows(flag);
    assertThat(rows).as("the parent and the thread note").hasSize(2).contains(parent);

    s.rapport.clock().advance(Duration.ofDays(31));
    s.rapport.rapport().flags().sweep();
    assertThat(flagRows(flag)).as("the flag is open: its rows stay (the sweep may add a note)").containsAll(rows);

    s.press(MANAGER, "flag.resolve", flag.id());
    assertThat(s.flag(flag.id()).status()).isEqualTo(FlagStatus.RESOLVED);
    int callsBefore = s.fake().calls().size();
    s.rapport.rapport().flags().sweep();
    assertThat(flagRows(flag)).as("closed, and older than 30 days: gone").doesNotContainAnyElementsOf(rows);
    assertThat(s.fake().calls().size()).as("pruning calls no Slack method").isEqualTo(callsBefore);
    assertThat(s.posts(CHANNEL)).hasSize(1);
    assertThat(s.flag(flag.id()).messageTs()).as("the flag keeps its own message ts").isEqualTo(flag.messageTs());
  }

  private List<String> flagRows(Flag flag) {
    return s.store().jdbi().withHandle(h -> h.createQuery(
        "SELECT message_key FROM outbox WHERE message_key = :parent OR message_key LIKE :notes")
        .bind("parent", FlagDelivery.parentKey(flag.id()))
        .bind("notes", FlagDelivery.parentKey(flag.id()) + ":%")
        .mapTo(String.class).list());
  }
}
