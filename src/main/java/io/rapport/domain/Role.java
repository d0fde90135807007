package io.rapport.domain;

/** What a Slack user may do in Rapport: a rep owns accounts, a manager leads teams, an admin runs Rapport. */
public enum Role {
  REP,
  MANAGER,
  ADMIN
}
