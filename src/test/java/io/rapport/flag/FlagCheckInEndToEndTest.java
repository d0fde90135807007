package io.rapport.flag;

import static io.rapport.flag.FlagScenario.ACCOUNT;
import static io.rapport.flag.FlagScenario.CHANNEL;
import static io.rapport.flag.FlagScenario.REP;
import static io.rapport.flag.FlagScenario.WS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rapport.domain.Flag;
import io.rapport.domain.IsoWeek;
import io.rapport.slack.views.CheckInModal;
import io.rapport.testing.FakeSlack.Call;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check-ins submitted through the check-in modal (signed HTTP) raise flags exactly once. */
class FlagCheckInEndToEndTest {
  FlagScenario s;

  @BeforeEach
  void start() throws Exception {
    s = FlagScenario.start();
    s.fake().userTimeZone(REP, "Etc/UTC");
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private String metadata() {
    IsoWeek now = s.week();
    return new CheckInModal.Metadata(ACCOUNT,
        List.of(now, now.minusWeeks(1), now.minusWeeks(2), now.minusWeeks(3), now.minusWeeks(4))).toJson();
  }

  private ObjectNode paid(IsoWeek week, int days) {
    ObjectNode values = FlagScenario.JSON.createObjectNode();
    ObjectNode w = values.putObject(CheckInModal.WEEK).putObject("value").put("type", "static_select");
    w.putObject("selected_option").put("value", week.toString()).putObject("text").put("type", "plain_text")
        .put("text", week.toString());
    values.putObject(CheckInModal.PAYMENT_DAYS).putObject("value").put("type", "number_input")
        .put("value", Integer.toString(days));
    return values;
  }

  private HttpResponse<String> submit(String viewId, IsoWeek week, int days) {
    return s.rapport.slack().viewSubmission(REP, CheckInModal.CALLBACK_ID, viewId, metadata(), paid(week, days));
  }

  @Test
  void aDoubleSubmitAndAConcurrentSecondCheckInPostTheFlagOnce() throws Exception {
    assertThat(submit("VCHK0001", s.week().minusWeeks(1), 65).statusCode()).isEqualTo(200);
    s.idle();
    assertThat(s.store().checkIns().find(WS, ACCOUNT, s.week().minusWeeks(1).toString())).isPresent();
    assertThat(s.openFlags()).isEmpty();

    // The second late payment arrives three times at once: a double click on Submit (same view)
    // and a second modal for the same week (another view).
    String[] views = {"VCHK0002", "VCHK0002", "VCHK0003"};
    ExecutorService pool = Executors.newFixedThreadPool(views.length);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (String view : views) {
        sent.add(pool.submit(() -> {
          go.await();
          return submit(view, s.week(), 70);
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> f : sent) {
        assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    s.idle();

    List<Call> posts = s.posts(CHANNEL);
    assertThat(posts).hasSize(1);
    Flag flag = s.onlyOpenFlag();
    assertThat(flag.pattern()).isEqualTo("TERMS_DICTATED");
    assertThat(posts.get(0).jsonParam("blocks").toString()).contains("65–70 days after a 30-day term")
        .contains("Review expectations about money");
    assertThat(s.replies(flag.messageTs())).isEmpty();

    // A third late week escalates in the thread, not in the channel.
    assertThat(submit("VCHK0004", s.week().minusWeeks(2), 61).statusCode()).isEqualTo(200);
    s.idle();
    assertThat(s.posts(CHANNEL)).hasSize(1);
    assertThat(s.replies(flag.messageTs())).extracting(c -> c.param("text")).singleElement()
        .asString().contains("Now a *warning*");
  }
}
