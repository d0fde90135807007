package io.rapport.privacy;

import io.rapport.store.RetentionDao;
import io.rapport.store.Store;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes and other free text are kept for {@code RAPPORT_NOTES_RETENTION_DAYS} (365 by default),
 * then blanked by the daily sweep: check-in notes (and those of kept versions), false-alarm
 * reasons, plan texts, the flag thread notes that quote them, and the rendered text of Rapport's
 * messages that are done. What counts as free text, and why the rest is not, is listed in
 * docs/PRIVACY.md. The numbers of a check-in, its flags' evidence (which never quotes a note) and
 * the history of who did what stay; only the words go.
 */
public final class NotesRetention {
  private static final Logger LOG = LoggerFactory.getLogger(NotesRetention.class);

  /** What one sweep blanked. */
  public record Blanked(int checkInNotes, int versionNotes, int falseAlarmReasons, int planTexts, int flagNotes,
      int messages) {
    public int total() {
      return checkInNotes + versionNotes + falseAlarmReasons + planTexts + flagNotes + messages;
    }
  }

  private final Store store;
  private final Clock clock;
  private final Duration retention;

  public NotesRetention(Store store, Clock clock, Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
  }

  /** Blanks the free text written more than the retention ago, in one transaction. */
  public Blanked sweep() {
    long before = clock.millis() - retention.toMillis();
    Blanked blanked = store.jdbi().inTransaction(h -> {
      RetentionDao dao = h.attach(RetentionDao.class);
      return new Blanked(dao.blankCheckInNotes(before), dao.blankVersionNotes(before),
          dao.blankFalseAlarmReasons(before), dao.blankPlanTexts(before), dao.blankQuotingFlagNotes(before),
          dao.blankSentMessages(before));
    });
    if (blanked.total() > 0) {
      LOG.info("Notes retention ({} days): blanked {}", retention.toDays(), blanked);
    }
    return blanked;
  }
}
