package io.rapport.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Blanks free text older than the notes retention (docs/PRIVACY.md, "What is kept"): what a person
 * typed, and Rapport's messages that quote it. Every statement only touches rows that still hold
 * text, so a second sweep changes nothing. The rows themselves, their numbers and their history
 * stay.
 */
public interface RetentionDao {
  /** Check-in notes written before {@code before}. */
  @SqlUpdate("UPDATE checkins SET note = NULL WHERE note IS NOT NULL AND updated_at < :before")
  int blankCheckInNotes(@Bind("before") long beforeMillis);

  /** Notes of kept check-in versions written before {@code before}. */
  @SqlUpdate("UPDATE checkin_versions SET note = NULL WHERE note IS NOT NULL AND written_at < :before")
  int blankVersionNotes(@Bind("before") long beforeMillis);

  /** Reasons given for false alarms before {@code before}. */
  @SqlUpdate("UPDATE flag_false_alarms SET reason = NULL WHERE reason IS NOT NULL AND marked_at < :before")
  int blankFalseAlarmReasons(@Bind("before") long beforeMillis);

  /** The text of plans made before {@code before} whose reminder is no longer to be sent. */
  @SqlUpdate("UPDATE flag_plans SET action_text = '' WHERE action_text <> '' AND created_at < :before"
      + " AND reminder_status <> 'pending'")
  int blankPlanTexts(@Bind("before") long beforeMillis);

  /**
   * Flag thread notes that quote a person's words (a plan, a false alarm's reason) recorded before
   * {@code before} and no longer waiting to be posted.
   */
  @SqlUpdate("UPDATE flag_events SET note = NULL WHERE note IS NOT NULL AND kind IN ('planned', 'false_alarm')"
      + " AND created_at < :before AND note_status <> 'pending'")
  int blankQuotingFlagNotes(@Bind("before") long beforeMillis);

  /** The rendered text of outbox messages that were done (sent, skipped, failed) before {@code before}. */
  @SqlUpdate("UPDATE outbox SET text = NULL, blocks = NULL WHERE (text IS NOT NULL OR blocks IS NOT NULL)"
      + " AND state IN ('sent', 'skipped', 'failed') AND COALESCE(sent_at, created_at) < :before")
  int blankSentMessages(@Bind("before") long beforeMillis);
}
