-- Away weeks (issue 17): reps on holiday are not prompted, and their weeks count neither for nor
-- against completion, "no recent check-ins" or a flag's quiet clock.

-- One row per (rep, ISO week) the rep is away for: the week's prompt day falls in an away period
-- the rep or their manager gave, or Slack's status said "away" when the week's prompt was due.
-- source: 'self', 'manager', 'status'; or 'back', which records that the rep said they are back
-- this week (so a holiday status left on does not make them away again).
-- first_day/last_day: the period as it was given (ISO dates), for display.
CREATE TABLE away_weeks (
  workspace_id  VARCHAR(32) NOT NULL,
  rep_id        VARCHAR(32) NOT NULL,
  week          VARCHAR(8)  NOT NULL,
  source        VARCHAR(16) NOT NULL,
  first_day     VARCHAR(10) NOT NULL,
  last_day      VARCHAR(10) NOT NULL,
  set_by        VARCHAR(32) NOT NULL,
  created_at    BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, rep_id, week)
);
CREATE INDEX away_weeks_by_week ON away_weeks (workspace_id, week);

-- Days off on a team's schedule: that week's prompt moves to the next working day.
CREATE TABLE team_holidays (
  workspace_id  VARCHAR(32) NOT NULL,
  team_id       VARCHAR(36) NOT NULL,
  day           VARCHAR(10) NOT NULL,
  created_at    BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, team_id, day),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);

-- A team that turned off "Slack status counts as away" has a row with read_status = FALSE.
CREATE TABLE team_away_settings (
  workspace_id  VARCHAR(32) NOT NULL,
  team_id       VARCHAR(36) NOT NULL,
  read_status   BOOLEAN     NOT NULL,
  updated_at    BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, team_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);
