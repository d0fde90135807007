package io.rapport.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.Team;
import io.rapport.insight.Policy;
import io.rapport.insight.PolicyException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A team's policy: the insight thresholds and the flag settings, each the default unless the team
 * overrides it by name. Stored in {@code teams.policy} as a JSON object of name → value text, e.g.
 * {@code {"termsDictated.warningWeeks":"3","flags.falseAlarmWeeks":"12"}}; every override is
 * validated before it is stored.
 *
 * @param overrides the overridden names and values, sorted by name
 * @param policy the insight policy with the overrides applied
 * @param settings the flag settings with the overrides applied
 */
public record TeamPolicy(Map<String, String> overrides, Policy policy, FlagSettings settings) {
  private static final Logger LOG = LoggerFactory.getLogger(TeamPolicy.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TeamPolicy DEFAULTS =
      new TeamPolicy(Map.of(), Policy.defaults(), FlagSettings.defaults());

  public TeamPolicy {
    overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
  }

  public static TeamPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * The policy of a team (defaults for no team). A stored policy that no longer validates (e.g. a
   * threshold was renamed) falls back to the defaults with a log line, so flags keep working.
   */
  public static TeamPolicy of(Optional<Team> team) {
    if (team.isEmpty() || team.get().policyOverrides() == null || team.get().policyOverrides().isBlank()) {
      return DEFAULTS;
    }
    try {
      return of(parseJson(team.get().policyOverrides()));
    } catch (PolicyException e) {
      LOG.warn("Team {} in {} has an unusable policy ({}); using the defaults",
          team.get().id(), team.get().workspaceId(), e.getMessage());
      return DEFAULTS;
    }
  }

  /** The defaults with {@code overrides} applied; the first invalid one is a {@link PolicyException}. */
  public static TeamPolicy of(Map<String, String> overrides) {
    Map<String, String> insight = new TreeMap<>();
    FlagSettings settings = FlagSettings.defaults();
    for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
      if (FlagSettings.owns(e.getKey())) {
        settings = settings.with(e.getKey(), e.getValue());
      } else {
        insight.put(e.getKey(), e.getValue());
      }
    }
    return new TeamPolicy(overrides, Policy.of(insight), settings);
  }

  /** This policy with more overrides; validated as a whole. */
  public TeamPolicy with(Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(overrides);
    all.putAll(more);
    return of(all);
  }

  /** This policy without the override of {@code name} (back to the default). */
  public TeamPolicy without(String name) {
    Map<String, String> all = new TreeMap<>(overrides);
    all.remove(name);
    return of(all);
  }

  /** The JSON stored in {@code teams.policy} (null when nothing is overridden). */
  public String toJson() {
    if (overrides.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(overrides);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> parseJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new PolicyException("a team policy must be a JSON object of threshold names to values");
      }
      Map<String, String> out = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!f.getValue().isValueNode()) {
          throw new PolicyException(f.getKey() + " must be a number");
        }
        out.put(f.getKey(), f.getValue().asText());
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new PolicyException("a team policy is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
