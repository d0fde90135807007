-- /relationship-admin forget @user (issue 14): the admin's request, answered with what would be
-- removed and a button; the press carries out the request named by id, once. A second press finds
-- done_at set and answers "already done" with the summary kept here. started_at claims the work,
-- so two presses at once do it once (a claim older than a few minutes may be taken over).
CREATE TABLE forget_requests (
  workspace_id  VARCHAR(32) NOT NULL,
  id            VARCHAR(36) NOT NULL,
  user_id       VARCHAR(32) NOT NULL,
  requested_by  VARCHAR(32) NOT NULL,
  requested_at  BIGINT      NOT NULL,
  started_at    BIGINT,
  done_at       BIGINT,
  done_by       VARCHAR(32),
  summary       TEXT,
  PRIMARY KEY (workspace_id, id)
);
