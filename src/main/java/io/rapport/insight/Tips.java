package io.rapport.insight;

import java.util.EnumMap;
import java.util.Map;

/**
 * The coaching copy shown with every finding, in one place so it can be read and improved as
 * copy. Each tip draws on good relationship-selling practice: define your level of service,
 * products and pricing; know what you are good at and deliver it; refer clients to allied experts;
 * learn to say no; stand up for yourself; don't take it personally; know the line between
 * friendship and a professional relationship; make and keep clear agreements; tell the unarguable
 * truth; review expectations, especially about money.
 */
public final class Tips {
  private static final Map<Pattern, String> TIPS = new EnumMap<>(Pattern.class);

  static {
    TIPS.put(
        Pattern.OVER_SERVICING,
        "Define the level of service this account pays for and hold to it; block time every week"
            + " for prospecting and give the hours you win back to new business.");
    TIPS.put(
        Pattern.QUOTA_PRESSURE,
        "Sell what the client needs, when they need it: plan the pipeline early so the period end"
            + " doesn't decide the deal, and tell your manager the unarguable truth about the"
            + " forecast instead of discounting to close the gap.");
    TIPS.put(
        Pattern.FRIENDSHIP_OVER_PROFIT,
        "Know the line between friendship and a professional relationship: keep the coffee, and"
            + " put business back on the agenda with a clear agreement on what you will do"
            + " together next.");
    TIPS.put(
        Pattern.PROFESSIONAL_VISITOR,
        "Give every visit a business purpose: agree an agenda and a next step before you go, and"
            + " if there is nothing to discuss, make the call shorter.");
    TIPS.put(
        Pattern.MASTER_SERVANT,
        "Define your level of service, products and pricing and learn to say no to the rest:"
            + " quote for the extra work, or refer the client to an allied expert who does it for"
            + " a living.");
    TIPS.put(
        Pattern.ABUSIVE,
        "Don't take it personally, and don't accept it either: name the behaviour calmly, agree"
            + " how you will work together, and bring your manager in if it continues.");
    TIPS.put(
        Pattern.BIG_BROTHER,
        "Stand up for yourself — being small does not make you less professional. Put the agreed"
            + " terms in writing, don't concede under threat, and escalate with your manager.");
    TIPS.put(
        Pattern.WIN_LOSE,
        "Make every concession a trade: ask for something in return, and review what each side"
            + " is getting so the deal works for both of you.");
    TIPS.put(
        Pattern.BROKEN_PROMISES,
        "Make and keep clear agreements: write down who does what by when, follow up on every"
            + " commitment, and keep only the promises you can keep yourself.");
    TIPS.put(
        Pattern.EXPLOITATIVE,
        "Tell the unarguable truth: check what the client was sold and charged, correct any"
            + " double charge at once, and review expectations about money with them.");
    TIPS.put(
        Pattern.WORKING_FOR_THE_CLIENT,
        "You represent your company as well as the client: stick to the pricing you defined, trade"
            + " a discount only for something in return, and agree exceptions with your manager.");
    TIPS.put(
        Pattern.HOSTAGE,
        "Talk openly about what each side needs from a relationship neither chose: agree a small"
            + " scope you can deliver well, and tell your manager what it costs.");
    TIPS.put(
        Pattern.TERMS_DICTATED,
        "Review expectations about money: restate the agreed payment terms, follow up every late"
            + " invoice promptly, and make new work conditional on the account being current.");
  }

  private Tips() {}

  /** The coaching tip for a pattern. */
  public static String forPattern(Pattern pattern) {
    return TIPS.get(pattern);
  }
}
