-- Rapport's schema, portable between SQLite and PostgreSQL.
-- Conventions: times are epoch milliseconds (BIGINT); ISO weeks are 'YYYY-Www' text (sorts in
-- week order); every row belongs to a Slack workspace (workspace_id = Slack team_id) and every
-- key starts with it, so two workspaces sharing a database never see each other's data.
-- Natural keys and unique constraints make every repeated outside event a no-op.

CREATE TABLE workspaces (
  id          VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(255),
  created_at  BIGINT       NOT NULL
);

CREATE TABLE users (
  workspace_id   VARCHAR(32) NOT NULL REFERENCES workspaces (id),
  user_id        VARCHAR(32) NOT NULL,
  is_admin       BOOLEAN     NOT NULL DEFAULT FALSE,
  tz             VARCHAR(64),
  tz_fetched_at  BIGINT,
  created_at     BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE teams (
  workspace_id   VARCHAR(32)  NOT NULL REFERENCES workspaces (id),
  id             VARCHAR(36)  NOT NULL,
  name           VARCHAR(120) NOT NULL,
  name_key       VARCHAR(120) NOT NULL,
  manager_id     VARCHAR(32),
  channel_id     VARCHAR(32),
  schedule_day   SMALLINT     NOT NULL DEFAULT 5,
  schedule_time  VARCHAR(5)   NOT NULL DEFAULT '15:00',
  paused         BOOLEAN      NOT NULL DEFAULT FALSE,
  policy         TEXT,
  created_at     BIGINT       NOT NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, name_key)
);

CREATE TABLE team_members (
  workspace_id  VARCHAR(32) NOT NULL,
  team_id       VARCHAR(36) NOT NULL,
  user_id       VARCHAR(32) NOT NULL,
  added_at      BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, team_id, user_id),
  FOREIGN KEY (workspace_id, team_id) REFERENCES teams (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_by_user ON team_members (workspace_id, user_id);

CREATE TABLE accounts (
  workspace_id         VARCHAR(32)  NOT NULL REFERENCES workspaces (id),
  id                   VARCHAR(64)  NOT NULL,
  name                 VARCHAR(120) NOT NULL,
  name_key             VARCHAR(120) NOT NULL,
  rep_id               VARCHAR(32)  NOT NULL,
  tier                 VARCHAR(16)  NOT NULL DEFAULT 'key',
  agreed_payment_days  INTEGER      NOT NULL DEFAULT 30,
  horizon              VARCHAR(16)  NOT NULL DEFAULT 'season',
  mandated             BOOLEAN      NOT NULL DEFAULT FALSE,
  list_margin_pct      DOUBLE PRECISION,
  removed_at           BIGINT,
  created_at           BIGINT       NOT NULL,
  updated_at           BIGINT       NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX accounts_by_rep ON accounts (workspace_id, rep_id);
CREATE UNIQUE INDEX accounts_active_name ON accounts (workspace_id, name_key) WHERE removed_at IS NULL;

CREATE TABLE checkins (
  workspace_id               VARCHAR(32) NOT NULL,
  account_id                 VARCHAR(64) NOT NULL,
  week                       VARCHAR(8)  NOT NULL,
  rep_id                     VARCHAR(32) NOT NULL,
  nothing_to_report          BOOLEAN     NOT NULL DEFAULT FALSE,
  contacts_business          INTEGER,
  contacts_social            INTEGER,
  service_hours              DOUBLE PRECISION,
  unpaid_hours               DOUBLE PRECISION,
  outcome                    VARCHAR(16),
  revenue_won                DOUBLE PRECISION,
  discount_pct               DOUBLE PRECISION,
  freebies                   BOOLEAN,
  quota_pressure             BOOLEAN,
  client_conduct             VARCHAR(16),
  promises_broken_by_client  INTEGER,
  promises_broken_by_us      INTEGER,
  payment_days               INTEGER,
  billing_dispute            BOOLEAN,
  value_rating               INTEGER,
  note                       TEXT,
  created_at                 BIGINT      NOT NULL,
  updated_at                 BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, account_id, week),
  FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);
CREATE INDEX checkins_by_week ON checkins (workspace_id, week);
CREATE INDEX checkins_by_rep_week ON checkins (workspace_id, rep_id, week);

CREATE TABLE flags (
  workspace_id     VARCHAR(32) NOT NULL,
  id               VARCHAR(36) NOT NULL,
  account_id       VARCHAR(64) NOT NULL,
  pattern          VARCHAR(32) NOT NULL,
  severity         VARCHAR(16) NOT NULL,
  status           VARCHAR(16) NOT NULL DEFAULT 'open',
  evidence         TEXT        NOT NULL,
  tip              TEXT        NOT NULL,
  channel_id       VARCHAR(32),
  message_ts       VARCHAR(32),
  opened_at        BIGINT      NOT NULL,
  closed_at        BIGINT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);
-- Flag identity is (workspace, account, pattern): at most one open flag each.
CREATE UNIQUE INDEX flags_one_open ON flags (workspace_id, account_id, pattern) WHERE closed_at IS NULL;

CREATE TABLE prompts (
  workspace_id  VARCHAR(32)  NOT NULL,
  rep_id        VARCHAR(32)  NOT NULL,
  week          VARCHAR(8)   NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  status        VARCHAR(16)  NOT NULL DEFAULT 'pending',
  due_at        BIGINT       NOT NULL,
  claimed_by    VARCHAR(64),
  claimed_at    BIGINT,
  channel_id    VARCHAR(32),
  message_ts    VARCHAR(32),
  attempts      INTEGER      NOT NULL DEFAULT 0,
  last_error    VARCHAR(255),
  sent_at       BIGINT,
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (workspace_id, rep_id, week, kind)
);
CREATE INDEX prompts_by_status ON prompts (status, due_at);

-- Outside events already handled (Slack event_id, view submission id, ...): a repeat is a no-op.
CREATE TABLE processed_requests (
  workspace_id  VARCHAR(32)  NOT NULL,
  kind          VARCHAR(32)  NOT NULL,
  request_key   VARCHAR(255) NOT NULL,
  created_at    BIGINT       NOT NULL,
  PRIMARY KEY (workspace_id, kind, request_key)
);
