-- The outbox (issue 10): every Slack message Rapport must send exactly once — weekly prompts and
-- reminders, flags and their thread notes, the manager digest, plan reminders — is one row here,
-- named by its natural key. An instance leases a row (lease_owner until lease_until) before it
-- sends it, records where it is posting (channel_id, posting_since) before the Web API call, and
-- the message ts after. The key also travels in the Slack message's metadata, so a row whose
-- lease ran out while a post may have gone through is looked up in the conversation's history
-- before it is ever sent again.
CREATE TABLE outbox (
  message_key      VARCHAR(200) NOT NULL PRIMARY KEY,
  workspace_id     VARCHAR(32)  NOT NULL,
  kind             VARCHAR(24)  NOT NULL,
  -- Where it goes: a conversation id, or '@U1' / '@U1,U2' for Rapport's private conversation
  -- with those people (opened when sent). The kind may decide it afresh when the row is sent.
  target           VARCHAR(200) NOT NULL,
  -- The message as last rendered (fallback text and Block Kit JSON): given when the row is
  -- written for fixed messages, replaced by the kind's rendering at send time for the others.
  text             TEXT,
  blocks           TEXT,
  -- pending, leased, sent, failed (permanent error or too many tries), skipped (nothing to say
  -- any more, e.g. an expired week or a closed flag).
  state            VARCHAR(16)  NOT NULL DEFAULT 'pending',
  due_at           BIGINT       NOT NULL,
  next_attempt_at  BIGINT,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  lease_owner      VARCHAR(64),
  lease_until      BIGINT,
  -- Set just before a post is attempted (Slack may have it from then on), cleared when Slack
  -- refused it for certain; a row with posting_since set is looked up in history before any post.
  posting_since    BIGINT,
  channel_id       VARCHAR(32),
  thread_ts        VARCHAR(32),
  message_ts       VARCHAR(32),
  permalink        VARCHAR(255),
  last_error       VARCHAR(255),
  created_at       BIGINT       NOT NULL,
  sent_at          BIGINT
);
CREATE INDEX outbox_ready ON outbox (state, due_at);
CREATE INDEX outbox_by_kind ON outbox (workspace_id, kind, state);
