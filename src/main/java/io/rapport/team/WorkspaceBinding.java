package io.rapport.team;

/**
 * The Slack workspace this Rapport serves: the one its bot token belongs to, as {@code auth.test}
 * said at start-up. Requests and events from any other workspace are refused before a listener
 * sees them, and {@code RAPPORT_ADMINS} are admins here only.
 *
 * <p>This is the one place that answers "is this workspace ours?". An install in several
 * workspaces would replace it with a lookup of its installations; nothing else needs to change.
 */
public final class WorkspaceBinding {
  private final String workspaceId;

  private WorkspaceBinding(String workspaceId) {
    if (workspaceId == null || workspaceId.isBlank()) {
      throw new IllegalArgumentException("a workspace binding needs the workspace id from auth.test");
    }
    this.workspaceId = workspaceId;
  }

  /** Bound to the workspace {@code workspaceId} ({@code T…}). */
  public static WorkspaceBinding to(String workspaceId) {
    return new WorkspaceBinding(workspaceId);
  }

  /** The workspace served. */
  public String workspaceId() {
    return workspaceId;
  }

  /** True when a request or event naming {@code workspaceId} is Rapport's to serve. */
  public boolean serves(String workspaceId) {
    return this.workspaceId.equals(workspaceId);
  }

  @Override
  public String toString() {
    return "workspace " + workspaceId;
  }
}
