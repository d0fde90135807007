-- Weekly prompts: what each prompt listed, retry timing, and the (rep, key account, week) slots
-- that were due, so completion per team and week can be read by the report.

-- Account ids the sent message listed (comma-separated), kept to update the message later.
ALTER TABLE prompts ADD COLUMN account_ids TEXT;
-- A transient failure puts the row back to 'pending' with the time of the next attempt.
ALTER TABLE prompts ADD COLUMN next_attempt_at BIGINT;
-- The team whose schedule made the prompt due (NULL for prompt-now without a team).
ALTER TABLE prompts ADD COLUMN team_id VARCHAR(36);
-- Set once when the rep has answered everything the prompt asked (the message then says so).
ALTER TABLE prompts ADD COLUMN completed_at BIGINT;

-- One row per (team, week, key account) a rep was asked about: recorded when the week's weekly
-- prompt row is created, for every team the rep belongs to ('' when in none). Accounts already
-- answered by then are included: they were due too.
CREATE TABLE prompt_slots (
  workspace_id  VARCHAR(32) NOT NULL,
  team_id       VARCHAR(36) NOT NULL,
  week          VARCHAR(8)  NOT NULL,
  account_id    VARCHAR(64) NOT NULL,
  rep_id        VARCHAR(32) NOT NULL,
  created_at    BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, team_id, week, account_id)
);
CREATE INDEX prompt_slots_by_week ON prompt_slots (workspace_id, week);
CREATE INDEX prompts_by_week ON prompts (workspace_id, week, kind);
