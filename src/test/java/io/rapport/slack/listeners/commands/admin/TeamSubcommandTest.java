package io.rapport.slack.listeners.commands.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.domain.Team;
import io.rapport.command.CommandArgs;
import io.rapport.command.CommandArgs.Arg;
import io.rapport.slack.listeners.commands.CommandRequest;
import io.rapport.command.UsageException;
import io.rapport.slack.views.Reply;
import io.rapport.store.Database;
import io.rapport.store.Store;
import io.rapport.team.TeamAdministration;
import io.rapport.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code team NAME <verb>} parser, with a verb plugged in the way another capability would. */
class TeamSubcommandTest {
  @TempDir Path dir;
  TeamAdministration teams;
  TeamSubcommand team;
  final List<String> policyCalls = new ArrayList<>();

  /** A verb another capability might add: the parser is not edited for it. */
  final class PolicyVerb implements TeamVerb {
    @Override
    public String word() {
      return "policy";
    }

    @Override
    public List<String> usage() {
      return List.of("team NAME policy KEY=VALUE…");
    }

    @Override
    public Change plan(List<Arg> args) throws UsageException {
      if (args.isEmpty()) {
        throw new UsageException("Name a threshold.");
      }
      String joined = String.join(" ", args.stream().map(Arg::value).toList());
      return (ws, t) -> {
        policyCalls.add(t.name() + ": " + joined);
        return Reply.text("ok");
      };
    }
  }

  @BeforeEach
  void setUp() {
    Store store = new Store(Database.open("jdbc:sqlite:" + dir.resolve("t.db")));
    teams = new TeamAdministration(store, MutableClock.at("2026-11-25T10:00:00Z"));
    List<TeamVerb> verbs = new ArrayList<>(TeamVerbs.standard(teams, null));
    verbs.add(new PolicyVerb());
    team = new TeamSubcommand(teams, verbs);
    teams.create("T1", "Sales East");
    teams.create("T1", "Manager");
  }

  Reply run(String text) throws UsageException {
    CommandRequest r = new CommandRequest("T1", "UADMIN", "C1", "/relationship-admin", CommandArgs.parse(text), "tr", "url");
    return team.plan(r).run();
  }

  @Test
  void aPluggedInVerbGetsItsArgumentsAndTheResolvedTeam() throws Exception {
    run("team Sales East policy discount.ceiling=30 weeks=4");
    assertThat(policyCalls).containsExactly("Sales East: discount.ceiling=30 weeks=4");
    assertThat(team.usage()).contains("team NAME policy KEY=VALUE…", "team create NAME");
  }

  @Test
  void theNameRunsUpToTheFirstVerbAndAQuotedNameMayBeAVerbWord() throws Exception {
    run("team sales e manager <@UANN|ann>");
    assertThat(teams.find("T1", "Sales East").managerId()).contains("UANN");
    run("team \"Manager\" manager <@UBOB>");
    assertThat(teams.find("T1", "Manager").managerId()).contains("UBOB");
  }

  @Test
  void usageMistakesSayWhatWasWrongWithTheVerbsUsage() {
    assertThatThrownBy(() -> run("team Sales East policy")).isInstanceOf(UsageException.class)
        .hasMessageContaining("Name a threshold.").hasMessageContaining("team NAME policy KEY=VALUE…");
    assertThatThrownBy(() -> run("team Sales East")).hasMessageContaining("manager, members, channel, schedule, policy");
    assertThatThrownBy(() -> run("team \"Sales\" \"East\" manager <@U1>")).hasMessageContaining("one pair of quotes");
  }

  @Test
  void aVerbCannotBeDefinedTwice() {
    assertThatThrownBy(() -> new TeamSubcommand(teams, List.of(new PolicyVerb(), new PolicyVerb())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownTeamGetsSuggestions() {
    assertThat(run0("team Sales Esst manager <@U1>")).contains("Did you mean *Sales East*");
    assertThat(run0("team S manager <@U1>")).contains("*Sales East*");
  }

  String run0(String text) {
    try {
      return io.rapport.slack.listeners.commands.Politely.run(team.plan(
          new CommandRequest("T1", "UADMIN", "C1", "/relationship-admin", CommandArgs.parse(text), "tr", "url")))
          .run().text();
    } catch (UsageException e) {
      return e.getMessage();
    }
  }

}
