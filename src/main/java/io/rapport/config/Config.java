package io.rapport.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rapport's configuration (SPEC §3), read once from the environment and an optional {@code .env}
 * file, validated, and immutable afterwards. Environment variables win over {@code .env}.
 *
 * <p>{@link #toString()} never shows a secret.
 */
public record Config(
    Optional<String> slackBotToken,
    Optional<String> slackSigningSecret,
    Optional<String> slackAppToken,
    String slackApiUrl,
    int port,
    String databaseUrl,
    Set<String> admins,
    Duration slackTimeout,
    Duration notesRetention,
    Duration outboxLease,
    Duration flagSweepEvery,
    Optional<String> currency) {

  public static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String SLACK_API_URL = "SLACK_API_URL";
  public static final String PORT = "PORT";
  public static final String DATABASE_URL = "DATABASE_URL";
  public static final String RAPPORT_ADMINS = "RAPPORT_ADMINS";
  public static final String RAPPORT_SLACK_TIMEOUT_SECONDS = "RAPPORT_SLACK_TIMEOUT_SECONDS";
  public static final String RAPPORT_NOTES_RETENTION_DAYS = "RAPPORT_NOTES_RETENTION_DAYS";
  public static final String RAPPORT_OUTBOX_LEASE_SECONDS = "RAPPORT_OUTBOX_LEASE_SECONDS";
  public static final String RAPPORT_FLAG_SWEEP_SECONDS = "RAPPORT_FLAG_SWEEP_SECONDS";
  public static final String RAPPORT_CURRENCY = "RAPPORT_CURRENCY";

  public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:rapport.db";
  public static final Duration DEFAULT_SLACK_TIMEOUT = Duration.ofSeconds(10);
  /**
   * The longest read timeout allowed: a whole Web API call (this plus a few seconds) must fit in
   * the outbox's margin, so a lease never runs out while its post is still in flight.
   */
  public static final Duration MAX_SLACK_TIMEOUT = Duration.ofSeconds(20);
  /** How long an instance's claim on an outbox message lasts unless renewed. */
  public static final Duration DEFAULT_OUTBOX_LEASE = Duration.ofMinutes(2);
  /** How often the flags' sweep runs (owed posts, plan reminders, digests; the daily judgement). */
  public static final Duration DEFAULT_FLAG_SWEEP_EVERY = Duration.ofHours(1);

  /** How long notes and other free text are kept (docs/PRIVACY.md). */
  public static final Duration DEFAULT_NOTES_RETENTION = Duration.ofDays(365);
  /** The longest notes retention allowed (100 years: in effect "keep"). */
  public static final long MAX_NOTES_RETENTION_DAYS = 36_500;

  /** A currency as people write it before an amount: "EUR", "USD", "€", "£", "kr", "A$". */
  private static final Pattern CURRENCY = Pattern.compile("[\\p{L}\\p{Sc}][\\p{L}\\p{Sc}.]{0,4}");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  public Config {
    admins = Set.copyOf(admins);
  }

  /** Reads the process environment and {@code ./.env}. */
  public static Config load() {
    return load(System.getenv(), Path.of("."));
  }

  /**
   * Reads {@code env}, falling back to the {@code .env} file in {@code directory} for variables
   * that {@code env} does not set.
   *
   * @throws ConfigException naming the variable when a value is unusable
   */
  public static Config load(Map<String, String> env, Path directory) {
    Map<String, String> values = new HashMap<>(readDotenv(directory));
    env.forEach(
        (k, v) -> {
          if (v != null) {
            values.put(k, v);
          }
        });
    return fromValues(values);
  }

  static Config fromValues(Map<String, String> values) {
    return new Config(
        token(values, SLACK_BOT_TOKEN, "xoxb-"),
        optional(values, SLACK_SIGNING_SECRET),
        token(values, SLACK_APP_TOKEN, "xapp-"),
        apiUrl(values.get(SLACK_API_URL)),
        port(values.get(PORT)),
        databaseUrl(values.get(DATABASE_URL)),
        admins(values.get(RAPPORT_ADMINS)),
        slackTimeout(values.get(RAPPORT_SLACK_TIMEOUT_SECONDS)),
        notesRetention(values.get(RAPPORT_NOTES_RETENTION_DAYS)),
        outboxLease(values.get(RAPPORT_OUTBOX_LEASE_SECONDS), slackTimeout(values.get(RAPPORT_SLACK_TIMEOUT_SECONDS))),
        seconds(RAPPORT_FLAG_SWEEP_SECONDS, values.get(RAPPORT_FLAG_SWEEP_SECONDS), DEFAULT_FLAG_SWEEP_EVERY, 1,
            DEFAULT_FLAG_SWEEP_EVERY.toSeconds()),
        currency(values.get(RAPPORT_CURRENCY)));
  }

  /** None when unset or blank; otherwise a short code or symbol shown before amounts. */
  public static Optional<String> currency(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String c = value.trim();
    if (!CURRENCY.matcher(c).matches()) {
      throw new ConfigException(RAPPORT_CURRENCY + " must be a currency code or symbol of up to 5 characters,"
          + " written before amounts (for example EUR, USD, € or £); it was \"" + c + "\"");
    }
    return Optional.of(c);
  }

  /** The variables {@code serve} still needs, empty when the bot can start. */
  public List<String> missingForServe() {
    List<String> missing = new ArrayList<>();
    if (slackBotToken.isEmpty()) {
      missing.add(SLACK_BOT_TOKEN);
    }
    if (slackAppToken.isEmpty() && slackSigningSecret.isEmpty()) {
      missing.add(SLACK_SIGNING_SECRET);
    }
    return missing;
  }

  public boolean hasSlackCredentials() {
    return missingForServe().isEmpty();
  }

  public boolean socketMode() {
    return slackAppToken.isPresent();
  }

  public boolean isAdmin(String userId) {
    return admins.contains(userId);
  }

  public Config withPort(int newPort) {
    return new Config(
        slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, newPort, databaseUrl, admins, slackTimeout,
        notesRetention, outboxLease, flagSweepEvery, currency);
  }

  public Config withDatabaseUrl(String url) {
    return new Config(
        slackBotToken, slackSigningSecret, slackAppToken, slackApiUrl, port, url, admins, slackTimeout,
        notesRetention, outboxLease, flagSweepEvery, currency);
  }

  @Override
  public String toString() {
    return "Config[slackBotToken="
        + redact(slackBotToken)
        + ", slackSigningSecret="
        + redact(slackSigningSecret)
        + ", slackAppToken="
        + redact(slackAppToken)
        + ", slackApiUrl="
        + slackApiUrl
        + ", port="
        + port
        + ", databaseUrl="
        + redactDatabaseUrl(databaseUrl)
        + ", admins="
        + admins
        + ", slackTimeout="
        + slackTimeout
        + ", notesRetention="
        + notesRetention
        + ", outboxLease="
        + outboxLease
        + ", flagSweepEvery="
        + flagSweepEvery
        + ", currency="
        + currency.orElse("(none)")
        + "]";
  }

  /** A JDBC URL with any password parameter or user-info hidden, safe for logs. */
  public static String redactDatabaseUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  private static String redact(Optional<String> secret) {
    return secret.map(s -> "***").orElse("(unset)");
  }

  private static Map<String, String> readDotenv(Path directory) {
    if (!Files.isRegularFile(directory.resolve(".env"))) {
      return Map.of();
    }
    try {
      Map<String, String> values = new HashMap<>();
      for (DotenvEntry e :
          Dotenv.configure()
              .directory(directory.toString())
              .load()
              .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
        values.put(e.getKey(), e.getValue());
      }
      return values;
    } catch (DotenvException e) {
      throw new ConfigException(".env: cannot be read (" + e.getMessage() + ")");
    }
  }

  private static Optional<String> optional(Map<String, String> values, String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Optional<String> token(Map<String, String> values, String name, String prefix) {
    Optional<String> v = optional(values, name);
    if (v.isPresent() && !v.get().startsWith(prefix)) {
      throw new ConfigException(name + " must start with \"" + prefix + "\" (check you copied the right token)");
    }
    return v;
  }

  private static String apiUrl(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_SLACK_API_URL;
    }
    String v = value.trim();
    try {
      URI uri = new URI(v);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new ConfigException(
            SLACK_API_URL + " must be an http(s) URL such as " + DEFAULT_SLACK_API_URL + ", got \"" + v + "\"");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(SLACK_API_URL + " is not a valid URL: \"" + v + "\"");
    }
    return v.endsWith("/") ? v : v + "/";
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int p = Integer.parseInt(value.trim());
      if (p < 0 || p > 65535) {
        throw new ConfigException(PORT + " must be between 0 and 65535, got " + p);
      }
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigException(PORT + " must be a whole number such as 3000, got \"" + value + "\"");
    }
  }

  private static String databaseUrl(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_DATABASE_URL;
    }
    String v = value.trim();
    if (!v.startsWith("jdbc:sqlite:") && !v.startsWith("jdbc:postgresql:")) {
      throw new ConfigException(
          DATABASE_URL
              + " must be a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql:, got \""
              + redactDatabaseUrl(v)
              + "\"");
    }
    return v;
  }

  private static Duration notesRetention(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_NOTES_RETENTION;
    }
    try {
      long days = Long.parseLong(value.trim());
      if (days < 1 || days > MAX_NOTES_RETENTION_DAYS) {
        throw new ConfigException(RAPPORT_NOTES_RETENTION_DAYS + " must be between 1 and " + MAX_NOTES_RETENTION_DAYS
            + " days, got " + days);
      }
      return Duration.ofDays(days);
    } catch (NumberFormatException e) {
      throw new ConfigException(RAPPORT_NOTES_RETENTION_DAYS
          + " must be a whole number of days such as 365, got \"" + value + "\"");
    }
  }

  /** The whole of one Slack Web API call may take this much longer than its read timeout. */
  public static final Duration SLACK_CALL_OVER_READ = Duration.ofSeconds(5);

  /** The longest one Slack Web API call may take: the read timeout and a little more. */
  public Duration slackCallTimeout() {
    return slackTimeout.plus(SLACK_CALL_OVER_READ);
  }

  private static Duration slackTimeout(String value) {
    return seconds(RAPPORT_SLACK_TIMEOUT_SECONDS, value, DEFAULT_SLACK_TIMEOUT, 1, MAX_SLACK_TIMEOUT.toSeconds());
  }

  /**
   * A post must be able to finish inside its lease (the outbox starts one only while a whole call
   * still fits, with 5 s to spare for waiting its turn), so the lease is at least the Slack call's
   * timeout and 5 s.
   */
  private static Duration outboxLease(String value, Duration slackTimeout) {
    long least = slackTimeout.plus(SLACK_CALL_OVER_READ).plusSeconds(5).toSeconds();
    Duration lease = seconds(RAPPORT_OUTBOX_LEASE_SECONDS, value, DEFAULT_OUTBOX_LEASE, 1, 3600);
    if (lease.toSeconds() < least) {
      throw new ConfigException(RAPPORT_OUTBOX_LEASE_SECONDS + " must be at least " + least
          + " seconds (" + RAPPORT_SLACK_TIMEOUT_SECONDS + " plus 10), got " + lease.toSeconds());
    }
    return lease;
  }

  private static Duration seconds(String name, String value, Duration fallback, long min, long max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds < min || seconds > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + " seconds, got " + seconds);
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          name + " must be a whole number of seconds such as " + fallback.toSeconds() + ", got \"" + value + "\"");
    }
  }

  private static Set<String> admins(String value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null || value.isBlank()) {
      return ids;
    }
    for (String part : value.split(",")) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!USER_ID.matcher(id).matches()) {
        throw new ConfigException(
            RAPPORT_ADMINS
                + " must be a comma-separated list of Slack user IDs such as U012ABCDEF, got \""
                + id
                + "\"");
      }
      ids.add(id);
    }
    return ids;
  }
}
