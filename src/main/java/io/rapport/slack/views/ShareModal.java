package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.rapport.domain.Team;
import io.rapport.report.ReportCopy;
import io.rapport.report.TextBudget;
import java.util.List;

/**
 * The modal that asks which team's report to share when a report spans several teams: one option
 * per team with a channel (at most 100, Slack's limit for a static select).
 */
public final class ShareModal {
  public static final String CALLBACK_ID = "report.share_team";
  public static final String BLOCK = "report.share_team.block";
  public static final String ACTION = "report.share_team.choice";
  static final int MAX_OPTIONS = 100;

  private ShareModal() {}

  /** The modal; {@code metadata} carries the report's scope and response URL. */
  public static View of(List<Team> teams, String metadata) {
    List<OptionObject> options = teams.stream()
        .filter(t -> t.channelId().isPresent())
        .limit(MAX_OPTIONS)
        .map(t -> option(plainText(TextBudget.cut(t.name(), 75)), t.id()))
        .toList();
    return view(v -> v.type("modal").callbackId(CALLBACK_ID)
        .title(viewTitle(t -> t.type("plain_text").text(ReportCopy.SHARE_MODAL_TITLE)))
        .submit(viewSubmit(s -> s.type("plain_text").text("Share")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .privateMetadata(metadata)
        .blocks(List.of(
            section(s -> s.text(markdownText(ReportCopy.SHARE_MODAL_PROMPT))),
            input(i -> i.blockId(BLOCK).label(plainText("Team"))
                .element(staticSelect(e -> e.actionId(ACTION).placeholder(plainText("Choose a team"))
                    .options(options)))))));
  }
}
