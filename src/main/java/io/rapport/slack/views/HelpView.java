package io.rapport.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** The {@code /relationship-help} message: what Rapport asks, why, and how to keep it healthy. */
public final class HelpView {
  private HelpView() {}

  static final String WHAT_WE_ASK =
      "*What Rapport asks*\n"
          + "Once a week, at your team's check-in time in your own time zone, I send you a DM with"
          + " a *Check in* button for each of your key accounts. A check-in takes well under a"
          + " minute: business and social contacts, hours spent servicing the account (and how"
          + " many of them unpaid), any new business, discounts or freebies, how the client"
          + " treated you, promises kept or broken, how long they took to pay, and how much value"
          + " the relationship creates for both sides. Nothing happened? Press *Nothing to report*.";

  static final String WHY =
      "*Why*\n"
          + "Relationship selling goes wrong quietly: over-servicing comfortable clients instead of"
          + " winning new business, discounting to make quota, a friendship that eats the margin,"
          + " coffees with no business, clients who treat you as a free servant, dictate 60-day"
          + " payment on 30-day terms, break promises or bully. From your check-ins I spot 13 such"
          + " patterns early, show the evidence and suggest what to do.";

  /** Who sees what, said the same way in help and App Home (docs/PRIVACY.md is the long form). */
  public static final String WHO_SEES_WHAT =
      "*Who sees what*\n"
          + "• Your check-in answers and notes: you, your team's manager and Rapport's admins.\n"
          + "• How a client behaves (late payment, promises the client broke, threats, bullying, a"
          + " mandated relationship, unpaid favours): posted to your team's channel to talk through"
          + " together — the account, the numbers, you as its owner. Never your notes.\n"
          + "• Your own choices (quota pressure, discounts, freebies, friendship, visits,"
          + " over-servicing, one-sided deals, promises we broke): privately to you and your"
          + " manager, never to a channel. Only your manager or an admin closes those.\n"
          + "• A billing dispute: privately to your manager.\n"
          + "• Notes are shown on request (*Show notes* on a flag) to you, your manager and admins"
          + " only. An admin may move a kind of finding between the channel and private for a"
          + " team; `policy show` lists the team's choices.";

  static final String COMMANDS =
      "*Commands*\n"
          + "• `/checkin [account]` — record this week for an account\n"
          + "• `/checkin away until DATE` — on holiday: no prompts, and it doesn't count against you;"
          + " `/checkin back` when you return\n"
          + "• `/accounts` — your key accounts; `add`, `remove`, `set` to manage them\n"
          + "• `/relationship-report` — managers: completion, health and trends for your teams\n"
          + "• `/relationship-admin help` — admins: teams, managers, channels and schedules\n"
          + "• `/relationship-help` — this message";

  static final List<String> TIPS =
      List.of(
          "*Define your level of service*, your products and your pricing — and stick to them.",
          "*Know what you are good at* and deliver it; refer clients to allied experts for needs"
              + " you cannot fill.",
          "*Learn to say no.* A favour that becomes a habit is unpaid work.",
          "*Stand up for yourself.* Being small does not make you less professional.",
          "*Don't take it personally* when a client pushes; answer the behaviour, not the mood.",
          "*Know the line* between a friendship and a professional relationship.",
          "*Make clear agreements and keep them* — and expect the client to keep theirs.",
          "*Tell the unarguable truth*, especially when it is uncomfortable.",
          "*Review expectations regularly*, above all about money: terms, discounts and payment.");

  public static List<LayoutBlock> blocks() {
    StringBuilder tips = new StringBuilder("*Healthy-relationship tips*\n");
    for (String tip : TIPS) {
      tips.append("• ").append(tip).append('\n');
    }
    return List.of(
        header(h -> h.text(plainText("Rapport keeps your client relationships healthy"))),
        section(s -> s.text(markdownText(WHAT_WE_ASK))),
        section(s -> s.text(markdownText(WHY))),
        section(s -> s.text(markdownText(WHO_SEES_WHAT))),
        divider(),
        section(s -> s.text(markdownText(tips.toString().strip()))),
        divider(),
        section(s -> s.text(markdownText(COMMANDS))),
        context(c -> c.elements(List.of(markdownText(
            "Only you see this message. Your answers and notes are visible to you, your team's"
                + " manager and Rapport's admins.")))));
  }

  /** Plain-text fallback for notifications and screen readers. */
  public static String fallbackText() {
    return "Rapport: what it asks, why, and healthy-relationship tips.";
  }
}
