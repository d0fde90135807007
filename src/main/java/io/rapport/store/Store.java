package io.rapport.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The DAOs over one {@link Database}, each opening a handle per call. For several statements in
 * one transaction use {@code database.jdbi().inTransaction(h -> h.attach(XDao.class)...)}.
 */
public final class Store {
  private final Database database;
  private final Set<String> knownWorkspaces = ConcurrentHashMap.newKeySet();

  public Store(Database database) {
    this.database = database;
  }

  public Database database() {
    return database;
  }

  public Jdbi jdbi() {
    return database.jdbi();
  }

  public WorkspaceDao workspaces() {
    return database.jdbi().onDemand(WorkspaceDao.class);
  }

  public UserDao users() {
    return database.jdbi().onDemand(UserDao.class);
  }

  public TeamDao teams() {
    return database.jdbi().onDemand(TeamDao.class);
  }

  public AccountDao accounts() {
    return database.jdbi().onDemand(AccountDao.class);
  }

  public CheckInDao checkIns() {
    return database.jdbi().onDemand(CheckInDao.class);
  }

  public PromptDao prompts() {
    return database.jdbi().onDemand(PromptDao.class);
  }

  /** The manager report's aggregate reads. */
  public ReportDao reports() {
    return database.jdbi().onDemand(ReportDao.class);
  }

  /** Makes sure the workspace row exists (remembered, so repeat calls cost nothing). */
  public void ensureWorkspace(String workspaceId, long nowMillis) {
    if (knownWorkspaces.add(workspaceId)) {
      workspaces().ensure(workspaceId, nowMillis);
    }
  }
}
