package io.rapport.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds one named thing (an account, a team) by what a person typed (SPEC §5): case-insensitive,
 * an exact name wins, otherwise a unique prefix is enough. When nothing or several things match,
 * the result carries the candidates to suggest.
 *
 * @param <T> what is named
 */
public final class NameMatch<T> {
  private static final int MAX_SUGGESTIONS = 5;

  private final String query;
  private final Optional<T> found;
  private final List<T> candidates;
  private final boolean ambiguous;

  private NameMatch(String query, Optional<T> found, List<T> candidates, boolean ambiguous) {
    this.query = query;
    this.found = found;
    this.candidates = List.copyOf(candidates);
    this.ambiguous = ambiguous;
  }

  /** Matches {@code typed} against {@code items} named by {@code name}. */
  public static <T> NameMatch<T> of(String typed, Collection<T> items, Function<T, String> name) {
    String q = Names.key(typed == null ? "" : typed);
    if (q.isEmpty()) {
      return new NameMatch<>(typed, Optional.empty(), List.of(), false);
    }
    List<T> prefixed = new ArrayList<>();
    for (T item : items) {
      String key = Names.key(name.apply(item));
      if (key.equals(q)) {
        return new NameMatch<>(typed, Optional.of(item), List.of(), false);
      }
      if (key.startsWith(q)) {
        prefixed.add(item);
      }
    }
    if (prefixed.size() == 1) {
      return new NameMatch<>(typed, Optional.of(prefixed.get(0)), List.of(), false);
    }
    if (prefixed.size() > 1) {
      prefixed.sort(Comparator.comparing(t -> Names.key(name.apply(t))));
      return new NameMatch<>(typed, Optional.empty(), first(prefixed), true);
    }
    List<Scored<T>> near = new ArrayList<>();
    for (T item : items) {
      String key = Names.key(name.apply(item));
      int distance = key.contains(q) ? 0 : distance(q, key.substring(0, Math.min(key.length(), q.length() + 2)));
      if (distance <= Math.max(1, q.length() / 3)) {
        near.add(new Scored<>(item, distance, key));
      }
    }
    near.sort(Comparator.<Scored<T>>comparingInt(Scored::distance).thenComparing(Scored::key));
    return new NameMatch<>(typed, Optional.empty(), first(near.stream().map(Scored::item).toList()), false);
  }

  private record Scored<T>(T item, int distance, String key) {}

  private static <T> List<T> first(List<T> items) {
    return items.subList(0, Math.min(MAX_SUGGESTIONS, items.size()));
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  public Optional<T> found() {
    return found;
  }

  /** True when several names start with what was typed. */
  public boolean isAmbiguous() {
    return ambiguous;
  }

  /** The names to suggest when nothing was found: the ambiguous ones, or the close ones. */
  public List<T> candidates() {
    return candidates;
  }

  public String query() {
    return query;
  }
}
