-- A trail of edits (issue 14): who recorded each check-in, who last changed it and when, and every
-- previous version. version counts the check-in's versions (1 when first recorded); an edit keeps
-- the row as it was in checkin_versions under its version number, then writes the new values with
-- version + 1, in one transaction. (workspace, account, week, version) is the natural key, so a
-- repeated edit request keeps nothing twice.
ALTER TABLE checkins ADD COLUMN recorded_by VARCHAR(32);
ALTER TABLE checkins ADD COLUMN changed_by VARCHAR(32);
ALTER TABLE checkins ADD COLUMN changed_at BIGINT;
ALTER TABLE checkins ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Before this migration only the rep's own answers could be told apart from nothing: count them as
-- the rep's.
UPDATE checkins SET recorded_by = rep_id;

-- The values and note of a check-in as they were at one version, who had written that version
-- (written_by, written_at) and who replaced it and when (replaced_by, replaced_at).
CREATE TABLE checkin_versions (
  workspace_id               VARCHAR(32) NOT NULL,
  account_id                 VARCHAR(64) NOT NULL,
  week                       VARCHAR(8)  NOT NULL,
  version                    INTEGER     NOT NULL,
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
  written_by                 VARCHAR(32),
  written_at                 BIGINT      NOT NULL,
  replaced_by                VARCHAR(32) NOT NULL,
  replaced_at                BIGINT      NOT NULL,
  PRIMARY KEY (workspace_id, account_id, week, version)
);
CREATE INDEX checkin_versions_by_rep ON checkin_versions (workspace_id, rep_id);
