package io.rapport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.store.Store;
import io.rapport.testing.FakeSlack;
import io.rapport.testing.MutableClock;
import io.rapport.testing.RapportUnderTest;
import io.rapport.transfer.DatabaseImport;
import io.rapport.interchange.InterchangeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report over 2,100 accounts (80 reps, long names full of characters Slack escapes, most of
 * them unhealthy) still fits Block Kit's limits, summarises and points to the CSV, which has
 * every account.
 */
class ReportAtScaleEndToEndTest {
  static final String WS = FakeSlack.TEAM_ID;
  static final int REPS = 80;
  static final int ACCOUNTS = 2_100;
  static RapportUnderTest rapport;

  @BeforeAll
  static void start() throws Exception {
    rapport = RapportUnderTest.start(Map.of(), new MutableClock(Instant.now()));
    Store store = rapport.rapport().foundation().store();
    long now = rapport.clock().millis();
    IsoWeek current = IsoWeek.of(LocalDate.now(ZoneOffset.UTC));
    Random r = new Random(11);
    List<Account> accounts = new ArrayList<>();
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      String name = String.format("Account <%04d> & Sons — %s", i, "Wholesale & Distribution <Pty> ".repeat(3)).strip();
      Account a = Account.of("a" + i, name.substring(0, Math.min(120, name.length())), String.format("U%04d", i % REPS));
      accounts.add(a);
      for (int w = 0; w < 5; w++) {
        if (r.nextInt(10) == 0) {
          continue;
        }
        checkIns.add(CheckIn.builder(a.id(), current.minusWeeks(w)).contacts(r.nextInt(2), 2)
            .serviceHours(9.0).unpaidHours(6.0).outcome(Outcome.NONE).discountPct(20.0 + r.nextInt(10))
            .paymentDays(90).billingDispute(r.nextBoolean())
            .clientConduct(r.nextBoolean() ? ClientConduct.AGGRESSIVE : ClientConduct.THREATENING)
            .promisesBrokenByClient(2).valueRating(1).build());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InterchangeWriter().write(out, accounts, checkIns);
    new DatabaseImport(store).run(WS, new ByteArrayInputStream(out.toByteArray()), now);
    store.teams().insert(WS, "big", "Big Book", "big book", LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue(), "00:00", now);
    store.teams().setChannel(WS, "big", "CBIG");
    for (int i = 0; i < REPS; i++) {
      store.teams().addMember(WS, "big", String.format("U%04d", i), now);
    }
    {
      store.jdbi().useHandle(h -> h.execute(
          "INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, sent_at, created_at)"
              + " SELECT ?, user_id, ?, 'weekly', 'sent', 0, 0, 0 FROM team_members WHERE team_id = 'big'"
              + " ON CONFLICT DO NOTHING", WS, current.toString()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    rapport.close();
  }

  @Test
  void aReportOverThousandsOfAccountsStaysWithinBlockKitLimits() throws Exception {
    rapport.slack().command("/relationship-report", "team big weeks=4", RapportUnderTest.ADMIN);
    JsonNode reply = rapport.fake().awaitResponses(1, Duration.ofSeconds(60)).get(0);
    assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
    ReportEndToEndTest.assertBlockKitLimits(reply.path("blocks"));
    String text = reply.toString();
    assertThat(text).contains("2,100 accounts").contains("more accounts below healthy — see the CSV")
        .contains("&lt;").contains("&amp;").doesNotContain("Account <");
    assertThat(reply.path("blocks").size()).isLessThanOrEqualTo(13);

    rapport.slack().blockAction(RapportUnderTest.ADMIN, "report.csv", "team:big:4", null);
    FakeSlack.awaitTrue(() -> rapport.fake().calls("files.completeUploadExternal").stream()
        .anyMatch(c -> c.param("files").contains("Relationship report")), Duration.ofSeconds(60), "no CSV upload");
    FakeSlack.Call upload = rapport.fake().awaitCall("files.completeUploadExternal",
        c -> c.param("files").contains("Relationship report"));
    String fileId = upload.jsonParam("files").get(0).path("id").asText();
    String csv = new String(rapport.fake().uploads().get(fileId).bytes(), StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(ACCOUNTS + 1);
  }
}
