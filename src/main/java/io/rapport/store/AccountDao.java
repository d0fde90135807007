package io.rapport.store;

import io.rapport.domain.Account;
import io.rapport.domain.Horizon;
import io.rapport.domain.Tier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Client accounts and their settings. Removal is soft ({@code removed_at}): history is kept, and
 * the "active" queries leave removed accounts out.
 */
@RegisterRowMapper(AccountDao.AccountMapper.class)
public interface AccountDao {
  String COLUMNS = "id, name, rep_id, tier, agreed_payment_days, horizon, mandated, list_margin_pct";
  String ACTIVE = " removed_at IS NULL ";

  /**
   * Inserts or updates an account by id (an import or a settings change). Re-activates a removed
   * account.
   */
  @SqlUpdate(
      "INSERT INTO accounts (workspace_id, id, name, name_key, rep_id, tier, agreed_payment_days, horizon,"
          + " mandated, list_margin_pct, removed_at, created_at, updated_at)"
          + " VALUES (:ws, :a.id, :a.name, :nameKey, :a.rep, :tier, :a.agreedPaymentDays, :horizon,"
          + " :a.mandated, :a.listMarginPct, NULL, :now, :now)"
          + " ON CONFLICT (workspace_id, id) DO UPDATE SET name = :a.name, name_key = :nameKey,"
          + " rep_id = :a.rep, tier = :tier, agreed_payment_days = :a.agreedPaymentDays,"
          + " horizon = :horizon, mandated = :a.mandated, list_margin_pct = :a.listMarginPct,"
          + " removed_at = NULL, updated_at = :now")
  void upsert(
      @Bind("ws") String workspaceId,
      @BindMethods("a") Account account,
      @Bind("nameKey") String nameKey,
      @Bind("tier") String tier,
      @Bind("horizon") String horizon,
      @Bind("now") long nowMillis);

  default void upsert(String workspaceId, Account account, long nowMillis) {
    upsert(workspaceId, account, io.rapport.domain.Names.key(account.name()), account.tier().id(),
        account.horizon().id(), nowMillis);
  }

  @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND id = :id")
  Optional<Account> find(@Bind("ws") String workspaceId, @Bind("id") String id);

  @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND id = :id AND" + ACTIVE)
  Optional<Account> findActive(@Bind("ws") String workspaceId, @Bind("id") String id);

  @SqlQuery("SELECT COUNT(*) FROM accounts WHERE workspace_id = :ws AND id = :id")
  int idCount(@Bind("ws") String workspaceId, @Bind("id") String id);

  @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND rep_id = :rep AND" + ACTIVE + "ORDER BY name_key")
  List<Account> activeOfRep(@Bind("ws") String workspaceId, @Bind("rep") String repId);

  @SqlQuery(
      "SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND rep_id IN (<reps>) AND"
          + ACTIVE + "ORDER BY name_key")
  List<Account> activeOfReps(@Bind("ws") String workspaceId, @BindList(value = "reps", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> repIds);

  @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND" + ACTIVE + "ORDER BY name_key")
  List<Account> active(@Bind("ws") String workspaceId);

  /** Every account of the workspace, removed ones included, for export. */
  @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws ORDER BY id")
  List<Account> all(@Bind("ws") String workspaceId);

  /** Active accounts whose name key starts with {@code prefix} (already a {@link io.rapport.domain.Names#key}). */
  @SqlQuery(
      "SELECT " + COLUMNS + " FROM accounts WHERE workspace_id = :ws AND" + ACTIVE
          + "AND substr(name_key, 1, length(:prefix)) = :prefix ORDER BY name_key")
  List<Account> activeByNamePrefix(@Bind("ws") String workspaceId, @Bind("prefix") String nameKeyPrefix);

  @SqlUpdate("UPDATE accounts SET removed_at = :now, updated_at = :now WHERE workspace_id = :ws AND id = :id AND" + ACTIVE)
  int remove(@Bind("ws") String workspaceId, @Bind("id") String id, @Bind("now") long nowMillis);

  /** Maps an {@code accounts} row to the domain record. */
  final class AccountMapper implements RowMapper<Account> {
    @Override
    public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
      double margin = rs.getDouble("list_margin_pct");
      Double listMargin = rs.wasNull() ? null : margin;
      return new Account(
          rs.getString("id"),
          rs.getString("name"),
          rs.getString("rep_id"),
          Tier.parse("tier", rs.getString("tier")),
          rs.getInt("agreed_payment_days"),
          Horizon.parse("horizon", rs.getString("horizon")),
          rs.getBoolean("mandated"),
          listMargin);
    }
  }
}
