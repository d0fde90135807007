package io.rapport.slack.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import io.rapport.checkin.AccountStatus;
import io.rapport.checkin.TeamProgress;
import io.rapport.domain.Account;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Team;
import io.rapport.insight.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppHomeViewTest {
  static final IsoWeek W48 = IsoWeek.parse("2026-W48");

  static List<AccountStatus> accounts(int n) {
    List<AccountStatus> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Account a = Account.of("acct-" + i, "Account number " + i + " " + "x".repeat(100), "UREP");
      Optional<Health> h = i % 3 == 0 ? Optional.empty()
          : Optional.of(new Health(i % 2 == 0 ? 40 : 95, i % 2 == 0 ? Health.Band.UNHEALTHY : Health.Band.HEALTHY, List.of()));
      out.add(new AccountStatus(a, Optional.of(W48.minusWeeks(i % 5)), i % 7, i % 5 == 0, h));
    }
    return out;
  }

  static List<TeamProgress> teams(int n) {
    List<TeamProgress> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Team t = new Team("T1", "t" + i, "Team " + i, Optional.of("UMGR"), Optional.empty(), null, false, null);
      out.add(new TeamProgress(t, 12, 40, new io.rapport.completion.Completion(30, 40), accounts(5)));
    }
    return out;
  }

  static JsonObject json(Object view) {
    return GsonFactory.createSnakeCase().toJsonTree(view).getAsJsonObject();
  }

  @Test
  void aRepWith200AccountsGetsAHomeTabWithinTheLimitsAndASummaryOfTheRest() {
    JsonObject home = json(AppHomeView.build(W48, accounts(200), teams(0)));
    assertThat(home.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(AppHomeView.MAX_BLOCKS);
    assertThat(home.toString()).contains("more accounts").contains("checkin.open").contains("unhealthy");
    for (JsonElement b : home.getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      if (block.has("text") && block.getAsJsonObject("text").has("text")) {
        assertThat(block.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
      }
    }
  }

  @Test
  void weeksAreDatesOnTheHomeTabAndInTheAccountsListNeverIsoWeeks() {
    String home = json(AppHomeView.build(W48, accounts(6), teams(2))).toString();
    String list = AccountListView.list("Your accounts", accounts(6), W48, false).toString();
    String picker = AccountListView.picker(accounts(6), W48).toString();

    assertThat(home).contains("This week (23–29 Nov)").doesNotContain("2026-W").doesNotContain("W48");
    assertThat(list).contains("this week (23–29 Nov)").doesNotContain("2026-W").doesNotContain("W48");
    assertThat(picker).contains("This week (23–29 Nov)").doesNotContain("2026-W");
  }

  @Test
  void aManagerOfManyTeamsAlsoFits() {
    JsonObject home = json(AppHomeView.build(W48, accounts(200), teams(40)));
    assertThat(home.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(AppHomeView.MAX_BLOCKS);
    assertThat(home.toString()).contains("Your teams this week").contains("check-in completion 75% (30 of 40 due check-ins)")
        .contains("Needs attention").contains("30 more teams");
  }

  @Test
  void aSmallBookShowsEveryAccountWithItsButton() {
    JsonObject home = json(AppHomeView.build(W48, accounts(3), List.of()));
    assertThat(home.toString()).contains("acct-0").contains("acct-1").contains("acct-2").doesNotContain("more accounts")
        .doesNotContain("Your teams");
  }

  @Test
  void aNewUserIsToldHowToStart() {
    assertThat(json(AppHomeView.build(W48, List.of(), List.of())).toString()).contains("/accounts add NAME");
  }

  @Test
  void accountListsFitAMessageWhateverTheirSize() {
    JsonObject list = json(AccountListView.list("All accounts", accounts(1000), W48, true));
    assertThat(list.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(list.toString()).contains("more.");
    JsonObject picker = json(AccountListView.picker(accounts(250), W48));
    assertThat(picker.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(picker.toString()).contains("static_select").contains("type `/checkin NAME`");
    int options = picker.getAsJsonArray("blocks").get(1).getAsJsonObject().getAsJsonArray("elements").get(0)
        .getAsJsonObject().getAsJsonArray("options").size();
    assertThat(options).isEqualTo(100);
  }
}
