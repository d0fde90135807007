-- Flags (issue 6): where a flag is posted, its delivery state, the workflow (acknowledge, plan,
-- false alarm, resolve), its history, suppressions and the weekly manager digest.
-- Every message Rapport sends for a flag is claimed in the database before it is posted and its
-- Slack ts recorded after, so a retry, a restart or a second instance never posts it twice.

-- Routing and delivery of the parent message.
ALTER TABLE flags ADD COLUMN rep_id VARCHAR(32);
ALTER TABLE flags ADD COLUMN team_id VARCHAR(36);
-- pending: not yet posted; claimed: an instance is posting it (since post_claimed_at); posted.
ALTER TABLE flags ADD COLUMN post_status VARCHAR(16) NOT NULL DEFAULT 'pending';
ALTER TABLE flags ADD COLUMN post_claimed_at BIGINT;
ALTER TABLE flags ADD COLUMN post_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE flags ADD COLUMN last_error VARCHAR(255);
-- The parent message no longer shows the current state (a chat.update is owed).
ALTER TABLE flags ADD COLUMN parent_stale BOOLEAN NOT NULL DEFAULT FALSE;
-- Judgement weeks: first and last week the pattern showed, since when it has been quiet, and the
-- week of the last evidence update in the thread (at most one a week).
ALTER TABLE flags ADD COLUMN first_week VARCHAR(8);
ALTER TABLE flags ADD COLUMN last_seen_week VARCHAR(8);
ALTER TABLE flags ADD COLUMN quiet_since_week VARCHAR(8);
ALTER TABLE flags ADD COLUMN evidence_week VARCHAR(8);
-- Workflow.
ALTER TABLE flags ADD COLUMN acknowledged_by VARCHAR(32);
ALTER TABLE flags ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE flags ADD COLUMN closed_by VARCHAR(32);
ALTER TABLE flags ADD COLUMN updated_at BIGINT;
-- Bumped by every change of what the parent message shows; a chat.update clears parent_stale only
-- for the revision it rendered.
ALTER TABLE flags ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE INDEX flags_by_account ON flags (workspace_id, account_id, closed_at);
CREATE INDEX flags_by_team ON flags (workspace_id, team_id, opened_at);
CREATE INDEX flags_by_post_status ON flags (post_status, parent_stale);

-- A flag's history. event_key is the natural key of a change (e.g. 'acknowledged',
-- 'escalated:2026-W41', 'evidence:2026-W42'), so the same change is recorded once however often
-- it is judged. A row with a note goes into the flag's Slack thread (note_status as post_status).
CREATE TABLE flag_events (
  workspace_id     VARCHAR(32) NOT NULL,
  flag_id          VARCHAR(36) NOT NULL,
  event_key        VARCHAR(80) NOT NULL,
  kind             VARCHAR(24) NOT NULL,
  actor_id         VARCHAR(32),
  note             TEXT,
  note_status      VARCHAR(16) NOT NULL DEFAULT 'none',
  note_claimed_at  BIGINT,
  note_ts          VARCHAR(32),
  created_at       BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, flag_id, event_key),
  FOREIGN KEY (workspace_id, flag_id) REFERENCES flags (workspace_id, id)
);
CREATE INDEX flag_events_by_note_status ON flag_events (note_status, created_at);

-- Plans made with "Plan action". id is the plan modal's view id, so a repeated submission of the
-- same modal stores nothing new. The owner gets one reminder DM on the due date.
CREATE TABLE flag_plans (
  workspace_id         VARCHAR(32)  NOT NULL,
  id                   VARCHAR(64)  NOT NULL,
  flag_id              VARCHAR(36)  NOT NULL,
  action_text          TEXT         NOT NULL,
  owner_id             VARCHAR(32)  NOT NULL,
  due_date             VARCHAR(10)  NOT NULL,
  created_by           VARCHAR(32)  NOT NULL,
  created_at           BIGINT       NOT NULL,
  reminder_status      VARCHAR(16)  NOT NULL DEFAULT 'pending',
  reminder_claimed_at  BIGINT,
  reminder_channel_id  VARCHAR(32),
  reminder_ts          VARCHAR(32),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, flag_id) REFERENCES flags (workspace_id, id)
);
CREATE INDEX flag_plans_by_flag ON flag_plans (workspace_id, flag_id, created_at);
CREATE INDEX flag_plans_due ON flag_plans (reminder_status, due_date);

-- False alarms: one per flag, with the reason (kept so thresholds can be tuned). The pattern is
-- not raised again on the account before suppressed_until_week.
CREATE TABLE flag_false_alarms (
  workspace_id           VARCHAR(32) NOT NULL,
  flag_id                VARCHAR(36) NOT NULL,
  account_id             VARCHAR(64) NOT NULL,
  pattern                VARCHAR(32) NOT NULL,
  severity               VARCHAR(16) NOT NULL,
  reason                 TEXT,
  marked_by              VARCHAR(32) NOT NULL,
  marked_at              BIGINT      NOT NULL,
  suppressed_until_week  VARCHAR(8)  NOT NULL,
  PRIMARY KEY (workspace_id, flag_id),
  FOREIGN KEY (workspace_id, flag_id) REFERENCES flags (workspace_id, id)
);
CREATE INDEX flag_false_alarms_by_account ON flag_false_alarms (workspace_id, account_id, pattern);

-- The weekly manager digest: one per manager and week (the week it covers).
CREATE TABLE flag_digests (
  workspace_id  VARCHAR(32) NOT NULL,
  manager_id    VARCHAR(32) NOT NULL,
  week          VARCHAR(8)  NOT NULL,
  status        VARCHAR(16) NOT NULL DEFAULT 'claimed',
  claimed_at    BIGINT      NOT NULL,
  channel_id    VARCHAR(32),
  message_ts    VARCHAR(32),
  sent_at       BIGINT,
  PRIMARY KEY (workspace_id, manager_id, week)
);
