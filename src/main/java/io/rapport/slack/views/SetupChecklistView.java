package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import io.rapport.domain.Team;
import io.rapport.team.SetupProgress.Progress;
import io.rapport.team.SetupProgress.Step;
import io.rapport.team.SetupProgress.StepState;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admin's setup checklist at the top of App Home (until every step is done) and the modal
 * each step's button opens. The words of the first run in Slack are here.
 */
public final class SetupChecklistView {
  /** Action id prefix of the step buttons: {@code setup.TEAM}, {@code setup.MANAGER}, … */
  public static final String ACTION_PREFIX = "setup.";
  /** Callback id of every step's modal; {@code private_metadata} names the step. */
  public static final String CALLBACK_ID = "setup.submit";
  public static final String TEAM_BLOCK = "team";
  public static final String VALUE_BLOCK = "value";
  public static final String SECOND_BLOCK = "second";
  public static final String INPUT = "input";
  private static final int MAX_TEAM_OPTIONS = 100;
  private static final int MAX_NAMES = 5;

  private SetupChecklistView() {}

  /** The checklist blocks (about 10), or none when setup is complete. */
  public static List<LayoutBlock> blocks(Progress p) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (p.complete()) {
      return blocks;
    }
    blocks.add(header(h -> h.text(plainText("Set up Rapport"))));
    blocks.add(context(c -> c.elements(List.of(markdownText(
        "You are one of Rapport's admins. " + p.left() + " of " + p.steps().size() + " steps left before"
            + " your teams get their first weekly check-in. Each button opens a short form; the same steps"
            + " work as commands: `/relationship-admin help`.")))));
    for (StepState s : p.steps()) {
      String text = (s.done() ? ":white_check_mark: " : ":white_circle: ") + "*" + title(s.step()) + "*\n"
          + detail(s, p.teams());
      boolean button = !s.done() || s.step() == Step.SCHEDULE || s.step() == Step.TEAM;
      boolean needsTeam = s.step() != Step.TEAM && p.teams().isEmpty();
      if (button && !needsTeam) {
        blocks.add(section(sec -> sec.text(markdownText(text)).accessory(ButtonElement.builder()
            .actionId(ACTION_PREFIX + s.step().name()).text(plainText(buttonText(s))).value(s.step().name())
            .build())));
      } else {
        blocks.add(section(sec -> sec.text(markdownText(text))));
      }
    }
    blocks.add(divider());
    return blocks;
  }

  static String title(Step step) {
    return switch (step) {
      case TEAM -> "1. Create a team";
      case MANAGER -> "2. Name each team's manager";
      case MEMBERS -> "3. Add the reps to their team";
      case CHANNEL -> "4. Pick each team's channel for flags";
      case SCHEDULE -> "5. Check the weekly check-in time";
      case KEY_ACCOUNTS -> "6. Add each team's key accounts";
    };
  }

  private static String buttonText(StepState s) {
    return switch (s.step()) {
      case TEAM -> s.done() ? "Add another team" : "Create a team";
      case MANAGER -> "Set a manager";
      case MEMBERS -> "Add reps";
      case CHANNEL -> "Set a channel";
      case SCHEDULE -> "Change the time";
      case KEY_ACCOUNTS -> "Add an account";
    };
  }

  private static String detail(StepState s, List<Team> teams) {
    String missing = names(s.missing());
    return switch (s.step()) {
      case TEAM -> s.done()
          ? "Teams: " + names(teams.stream().map(Team::name).toList()) + "."
          : "A team is a manager and the reps who report to them.";
      case MANAGER -> s.done() ? "Every team has a manager: they get the report and the weekly digest."
          : teams.isEmpty() ? "The manager gets the team's report and weekly digest." : "No manager yet: " + missing + ".";
      case MEMBERS -> s.done() ? "Every team has reps." : teams.isEmpty()
          ? "Each rep gets a DM every week asking about their key accounts." : "No reps yet: " + missing + ".";
      case CHANNEL -> s.done() ? "Every team has a channel, and Rapport checked it can post there."
          : teams.isEmpty() ? "Where the team discusses flags. Rapport checks it can post there."
          : "No channel yet: " + missing + ". Rapport checks it can post there when you pick it.";
      case SCHEDULE -> teams.isEmpty() ? "Reps are asked on the team's day and time, in their own time zone."
          : schedules(teams) + " (in each rep's own time zone).";
      case KEY_ACCOUNTS -> s.done() ? "Every team's reps have key accounts to check in on."
          : teams.isEmpty() ? "The accounts reps are asked about each week; reps can add their own with `/accounts add`."
          : "No key accounts yet: " + missing + ". Reps can add their own with `/accounts add NAME key`.";
    };
  }

  private static String schedules(List<Team> teams) {
    List<String> parts = new ArrayList<>();
    for (Team t : teams.subList(0, Math.min(MAX_NAMES, teams.size()))) {
      parts.add(SlackText.escape(SlackText.shorten(t.name(), 40)) + " checks in every " + t.schedule().display());
    }
    return String.join("; ", parts) + (teams.size() > MAX_NAMES ? "; …" : "");
  }

  private static String names(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names.subList(0, Math.min(MAX_NAMES, names.size()))) {
      shown.add("*" + SlackText.escape(SlackText.shorten(n, 40)) + "*");
    }
    String more = names.size() > MAX_NAMES ? " and " + (names.size() - MAX_NAMES) + " more" : "";
    return String.join(", ", shown) + more;
  }

  /** The modal a step's button opens. */
  public static View modal(Step step, List<Team> teams) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (step != Step.TEAM && step != Step.KEY_ACCOUNTS) {
      blocks.add(teamSelect(teams));
    }
    switch (step) {
      case TEAM -> blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Team name"))
          .element(PlainTextInputElement.builder().actionId(INPUT).maxLength(Team.MAX_NAME_LENGTH)
              .placeholder(plainText("e.g. Sales East")).build())));
      case MANAGER -> blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Manager"))
          .element(UsersSelectElement.builder().actionId(INPUT).build())));
      case MEMBERS -> blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Reps to add"))
          .element(MultiUsersSelectElement.builder().actionId(INPUT).maxSelectedItems(100).build())));
      case CHANNEL -> {
        blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Channel for flags"))
            .element(ConversationsSelectElement.builder().actionId(INPUT)
                .filter(ConversationsFilter.builder().include(List.of("public", "private"))
                    .excludeBotUsers(true).build()).build())));
        blocks.add(context(c -> c.elements(List.of(markdownText(
            "A public channel works as it is. For a private channel, first type `/invite @Rapport` in it.")))));
      }
      case SCHEDULE -> {
        List<OptionObject> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
          days.add(option(plainText(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
              d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)));
        }
        blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Day"))
            .element(StaticSelectElement.builder().actionId(INPUT).options(days).initialOption(days.get(4)).build())));
        blocks.add(input(i -> i.blockId(SECOND_BLOCK).label(plainText("Time (each rep's own time zone)"))
            .element(TimePickerElement.builder().actionId(INPUT).initialTime("15:00").build())));
      }
      case KEY_ACCOUNTS -> {
        blocks.add(input(i -> i.blockId(VALUE_BLOCK).label(plainText("Account name"))
            .element(PlainTextInputElement.builder().actionId(INPUT).maxLength(120)
                .placeholder(plainText("e.g. Acme Pty Ltd")).build())));
        blocks.add(input(i -> i.blockId(SECOND_BLOCK).label(plainText("The rep who looks after it"))
            .element(UsersSelectElement.builder().actionId(INPUT).build())));
        blocks.add(context(c -> c.elements(List.of(markdownText(
            "Added as a key account: the rep is asked about it every week. Reps add their own with"
                + " `/accounts add NAME key`.")))));
      }
      default -> { }
    }
    String title = switch (step) {
      case TEAM -> "Create a team";
      case MANAGER -> "Set a manager";
      case MEMBERS -> "Add reps";
      case CHANNEL -> "Set a channel";
      case SCHEDULE -> "Check-in time";
      case KEY_ACCOUNTS -> "Add a key account";
    };
    return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(step.name())
        .title(viewTitle(t -> t.type("plain_text").text(title)))
        .submit(viewSubmit(s -> s.type("plain_text").text(step == Step.TEAM ? "Create" : "Save")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .blocks(blocks));
  }

  private static LayoutBlock teamSelect(List<Team> teams) {
    List<OptionObject> options = new ArrayList<>();
    for (Team t : teams.subList(0, Math.min(MAX_TEAM_OPTIONS, teams.size()))) {
      options.add(option(plainText(SlackText.shorten(t.name(), 75)), t.id()));
    }
    return input(i -> i.blockId(TEAM_BLOCK).label(plainText("Team"))
        .element(StaticSelectElement.builder().actionId(INPUT).options(options)
            .initialOption(options.size() == 1 ? options.get(0) : null).build()));
  }

  /** What the admin is told, in their DM with Rapport, after a step's form was saved. */
  public static String afterStep(Step step, String reply) {
    return "*" + title(step).substring(3) + ":* " + reply;
  }
}
