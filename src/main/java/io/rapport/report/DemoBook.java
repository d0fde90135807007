package io.rapport.report;

import io.rapport.domain.IsoWeek;
import io.rapport.interchange.Interchange;
import io.rapport.interchange.InterchangeReader;
import io.rapport.store.Store;
import io.rapport.transfer.DatabaseImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The bundled sample sales team ({@code demo/sales-team.json}): four reps — a business banker, a
 * telco account manager, a food supplier selling to big retailers and an industrial-supplies rep
 * coasting on a comfortable book — with 23 accounts and twelve weeks of check-ins that show all 13
 * patterns and healthy accounts. {@link #load} puts it in a database as one team with a manager,
 * and records the last week's prompts as sent, as the bot would have.
 */
public final class DemoBook {
  public static final String RESOURCE = "/demo/sales-team.json";
  public static final String WORKSPACE = "T0DEMO";
  public static final String TEAM_ID = "demo-team";
  public static final String TEAM_NAME = "Field Sales East";
  public static final String MANAGER = "U0DEMOMGR";
  public static final String CHANNEL = "C0DEMOSALES";

  private DemoBook() {}

  /** What {@link #load} set up. */
  public record Loaded(IsoWeek lastWeek, List<String> reps, int accounts, int checkIns) {}

  /** The sample as read by the interchange reader (validated like any file). */
  public static Interchange read() {
    try (InputStream in = open()) {
      return new InterchangeReader().read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports the sample into {@code store} and creates its team and last week's prompts. */
  public static Loaded load(Store store, long nowMillis) {
    Interchange data = read();
    IsoWeek last = data.latestWeek().orElseThrow();
    try (InputStream in = open()) {
      new DatabaseImport(store).run(WORKSPACE, in, nowMillis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> reps = data.accounts().stream().map(a -> a.rep()).distinct().sorted().toList();
    store.jdbi().useTransaction(h -> {
      h.createUpdate("INSERT INTO teams (workspace_id, id, name, name_key, manager_id, channel_id, created_at)"
              + " VALUES (:ws, :id, :name, :key, :mgr, :ch, :now) ON CONFLICT (workspace_id, id) DO NOTHING")
          .bind("ws", WORKSPACE).bind("id", TEAM_ID).bind("name", TEAM_NAME)
          .bind("key", io.rapport.domain.Names.key(TEAM_NAME)).bind("mgr", MANAGER).bind("ch", CHANNEL)
          .bind("now", nowMillis).execute();
      for (String rep : reps) {
        h.createUpdate("INSERT INTO team_members (workspace_id, team_id, user_id, added_at)"
                + " VALUES (:ws, :team, :user, :now) ON CONFLICT (workspace_id, team_id, user_id) DO NOTHING")
            .bind("ws", WORKSPACE).bind("team", TEAM_ID).bind("user", rep).bind("now", nowMillis).execute();
        h.createUpdate("INSERT INTO prompts (workspace_id, rep_id, week, kind, status, due_at, sent_at, created_at)"
                + " VALUES (:ws, :rep, :week, 'weekly', 'sent', :now, :now, :now)"
                + " ON CONFLICT (workspace_id, rep_id, week, kind) DO NOTHING")
            .bind("ws", WORKSPACE).bind("rep", rep).bind("week", last.toString()).bind("now", nowMillis).execute();
      }
    });
    return new Loaded(last, reps, data.accounts().size(), data.checkInCount());
  }

  /** Display names of the sample's people, by Slack user id. */
  public static Map<String, String> people() {
    Properties p = new Properties();
    try (InputStream in = DemoBook.class.getResourceAsStream("/demo/people.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new TreeMap<>();
    p.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }

  private static InputStream open() {
    InputStream in = DemoBook.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the demo data " + RESOURCE + " is missing from the jar");
    }
    return in;
  }
}
