-- Flag audiences (issue 11): every flag is for the team (its channel), for coaching (privately to
-- the rep and the team's manager) or for the manager alone. The defaults per pattern are the table
-- in io.rapport.insight.Audience; docs/FLAGS.md gives the reasons.
ALTER TABLE flags ADD COLUMN audience VARCHAR(16) NOT NULL DEFAULT 'team';
-- A flag that became private after it was posted in a channel: that message stays where it is
-- (with one line in its thread saying the discussion moved), and the flag is posted afresh in the
-- private conversation. These keep the channel message's place.
ALTER TABLE flags ADD COLUMN moved_from_channel_id VARCHAR(32);
ALTER TABLE flags ADD COLUMN moved_from_ts VARCHAR(32);

UPDATE flags SET audience = 'coaching'
  WHERE pattern IN ('QUOTA_PRESSURE', 'WORKING_FOR_THE_CLIENT', 'FRIENDSHIP_OVER_PROFIT',
                    'PROFESSIONAL_VISITOR', 'OVER_SERVICING', 'WIN_LOSE');
UPDATE flags SET audience = 'manager' WHERE pattern = 'EXPLOITATIVE';
-- BROKEN_PROMISES stays 'team' here; the next judgement moves it when promises were broken by us.

-- Open private flags already posted in a channel (DM ids start with D): one line in the old
-- thread, further updates privately.
INSERT INTO flag_events (workspace_id, flag_id, event_key, kind, actor_id, note, note_status, created_at)
  SELECT workspace_id, id, 'moved', 'moved', NULL,
         ':lock: The discussion of this flag has moved to a private conversation with the rep''s manager.',
         'pending', COALESCE(updated_at, opened_at)
  FROM flags
  WHERE closed_at IS NULL AND audience <> 'team' AND post_status = 'posted' AND channel_id NOT LIKE 'D%';
UPDATE flags SET moved_from_channel_id = channel_id, moved_from_ts = message_ts, channel_id = NULL,
                 message_ts = NULL, post_status = 'pending', post_claimed_at = NULL, parent_stale = FALSE
  WHERE closed_at IS NULL AND audience <> 'team' AND post_status = 'posted' AND channel_id NOT LIKE 'D%';

-- An admin's choice, per team, to move a pattern between the team channel and coaching.
CREATE TABLE team_flag_audiences (
  workspace_id  VARCHAR(32) NOT NULL,
  team_id       VARCHAR(36) NOT NULL,
  pattern       VARCHAR(32) NOT NULL,
  audience      VARCHAR(16) NOT NULL,
  changed_at    BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, team_id, pattern)
);
