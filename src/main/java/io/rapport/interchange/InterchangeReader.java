package io.rapport.interchange;

import io.rapport.domain.Names;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.ClientConduct;
import io.rapport.domain.Contacts;
import io.rapport.domain.Horizon;
import io.rapport.domain.InvalidFieldException;
import io.rapport.domain.IsoWeek;
import io.rapport.domain.Outcome;
import io.rapport.domain.Tier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the interchange format of SPEC §6, {@code {"accounts":[…],"checkins":[…]}}, streaming
 * with Jackson's parser so memory grows with what the consumer keeps, never with the file.
 *
 * <p>Validation is strict: the file must be one JSON object (a UTF-8 byte order mark is allowed)
 * with at most the two sections; every record must be an object with only the known fields, of
 * the right JSON types, in the ranges of SPEC §6 (checked by the domain records); account ids must
 * be unique and every check-in must name a listed account. A JSON {@code null} is the same as a
 * missing field. The first problem ends the read with an {@link InterchangeException} naming the
 * record and the field.
 *
 * <p>A reader is cheap and not thread-safe; use one per file.
 */
public final class InterchangeReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String SHAPE = "{\"accounts\":[…],\"checkins\":[…]}";
  static final String ACCOUNTS = "accounts";
  static final String CHECKINS = "checkins";

  private final Map<String, IsoWeek> weeks = new HashMap<>();
  private final SharedValues shared = new SharedValues();

  /** Reads a whole file into memory. */
  public Interchange read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return read(in);
    }
  }

  /** Reads a whole stream into memory; later check-ins for the same account and week win. */
  public Interchange read(InputStream in) throws IOException {
    Interchange.Collector collector = new Interchange.Collector();
    read(in, collector);
    return collector.result();
  }

  /** Streams a file's records to a handler; see {@link InterchangeHandler} for the contract. */
  public void read(Path file, InterchangeHandler handler) throws IOException {
    try (InputStream in = open(file)) {
      read(in, handler);
    }
  }

  /**
   * Streams records to a handler as they are read.
   *
   * @throws InterchangeException when the content is not a valid interchange file
   * @throws IOException when the stream cannot be read
   */
  public void read(InputStream in, InterchangeHandler handler) throws IOException {
    Run run = new Run(handler);
    try (JsonParser parser = JSON.createParser(in)) {
      run.parser = parser;
      run.readFile();
    } catch (JsonEOFException e) {
      throw new InterchangeException(run.where(), null, "the file ends unexpectedly (truncated?)");
    } catch (StreamReadException e) {
      throw new InterchangeException(run.where(), null, "invalid JSON " + at(e) + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InterchangeException(run.where(), null, "invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  private static String at(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? "" : "at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  /** The state of one read. */
  private final class Run {
    private final InterchangeHandler handler;
    private JsonParser parser;
    private String section;
    private int index = -1;
    private boolean accountsRead;
    private final Map<String, Integer> accountIndex = new HashMap<>();
    /** Account ids named by check-ins before the "accounts" section: first index and week. */
    private Map<String, String[]> pending;

    Run(InterchangeHandler handler) {
      this.handler = handler;
    }

    String where() {
      return section == null ? null : index < 0 ? section : section + "[" + index + "]";
    }

    void readFile() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == null) {
        throw new InterchangeException(null, null, "the file is empty; expected " + SHAPE);
      }
      if (t != JsonToken.START_OBJECT) {
        throw new InterchangeException(
            null, null, "the file must be one JSON object " + SHAPE + ", but starts with " + describe(t));
      }
      boolean seenAccounts = false;
      boolean seenCheckins = false;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (ACCOUNTS.equals(name) && !seenAccounts) {
          seenAccounts = true;
          readSection(ACCOUNTS);
          accountsRead = true;
          checkPending();
        } else if (CHECKINS.equals(name) && !seenCheckins) {
          seenCheckins = true;
          readSection(CHECKINS);
        } else if (ACCOUNTS.equals(name) || CHECKINS.equals(name)) {
          throw new InterchangeException(null, name, "appears twice in the file");
        } else {
          throw new InterchangeException(
              null, null, "unknown top-level field \"" + name + "\"; expected " + SHAPE);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new InterchangeException(null, null, "the file ends unexpectedly (truncated?)");
      }
      section = null;
      if (parser.nextToken() != null) {
        throw new InterchangeException(
            null, null, "unexpected content after the end of the top-level object");
      }
      if (!accountsRead) {
        checkPending();
      }
    }

    private void readSection(String name) throws IOException {
      section = name;
      index = -1;
      JsonToken t = parser.nextToken();
      if (t != JsonToken.START_ARRAY) {
        throw new InterchangeException(null, name, "must be an array, got " + describe(t));
      }
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        index++;
        if (t == null) {
          throw new InterchangeException(where(), null, "the file ends unexpectedly (truncated?)");
        }
        if (t != JsonToken.START_OBJECT) {
          throw new InterchangeException(where(), null, "must be an object, got " + describe(t));
        }
        if (name.equals(ACCOUNTS)) {
          readAccount();
        } else {
          readCheckIn();
        }
      }
      index = -1;
    }

    // ------------------------------------------------------------ accounts

    private void readAccount() throws IOException {
      FieldReader r = new FieldReader(parser, "");
      String id = null;
      String name = null;
      String rep = null;
      String tier = null;
      Integer terms = null;
      String horizon = null;
      Boolean mandated = null;
      Double margin = null;
      String field;
      while ((field = r.nextField()) != null) {
        switch (field) {
          case "id" -> id = r.string(field, 0);
          case "name" -> name = r.string(field, 1);
          case "rep" -> rep = r.string(field, 2);
          case "tier" -> tier = r.string(field, 3);
          case "agreedPaymentDays" -> terms = r.integer(field, 4);
          case "horizon" -> horizon = r.string(field, 5);
          case "mandated" -> mandated = r.bool(field, 6);
          case "listMarginPct" -> margin = r.number(field, 7);
          default -> r.unknown(
              field,
              "id, name, rep, tier, agreedPaymentDays, horizon, mandated, listMarginPct");
        }
      }
      String record = where() + (id == null ? "" : " (id \"" + id + "\")");
      r.throwProblem(record);
      Account account;
      try {
        account =
            new Account(
                id,
                name == null ? null : Names.displayable("name", name),
                rep,
                tier == null ? null : Tier.parse("tier", tier),
                terms == null ? Account.DEFAULT_PAYMENT_DAYS : terms,
                horizon == null ? null : Horizon.parse("horizon", horizon),
                Boolean.TRUE.equals(mandated),
                margin);
      } catch (InvalidFieldException e) {
        throw new InterchangeException(record, e.field(), e.reason());
      }
      Integer earlier = accountIndex.putIfAbsent(account.id(), index);
      if (earlier != null) {
        throw new InterchangeException(record, "id", "duplicate of accounts[" + earlier + "]");
      }
      handler.account(index, account);
    }

    // ------------------------------------------------------------ check-ins

    private void readCheckIn() throws IOException {
      FieldReader r = new FieldReader(parser, "");
      String account = null;
      String rep = null;
      String weekText = null;
      Contacts contacts = null;
      Double serviceHours = null;
      Double unpaidHours = null;
      String outcome = null;
      Double revenueWon = null;
      Double discountPct = null;
      Boolean freebies = null;
      Boolean quotaPressure = null;
      String conduct = null;
      Integer brokenByClient = null;
      Integer brokenByUs = null;
      Integer paymentDays = null;
      Boolean billingDispute = null;
      Integer valueRating = null;
      String note = null;
      String field;
      while ((field = r.nextField()) != null) {
        switch (field) {
          case "account" -> account = r.string(field, 0);
          case "rep" -> rep = r.string(field, 1);
          case "week" -> weekText = r.string(field, 2);
          case "contacts" -> contacts = readContacts(r);
          case "serviceHours" -> serviceHours = r.number(field, 4);
          case "unpaidHours" -> unpaidHours = r.number(field, 5);
          case "outcome" -> outcome = r.string(field, 6);
          case "revenueWon" -> revenueWon = r.number(field, 7);
          case "discountPct" -> discountPct = r.number(field, 8);
          case "freebies" -> freebies = r.bool(field, 9);
          case "quotaPressure" -> quotaPressure = r.bool(field, 10);
          case "clientConduct" -> conduct = r.string(field, 11);
          case "promisesBrokenByClient" -> brokenByClient = r.integer(field, 12);
          case "promisesBrokenByUs" -> brokenByUs = r.integer(field, 13);
          case "paymentDays" -> paymentDays = r.integer(field, 14);
          case "billingDispute" -> billingDispute = r.bool(field, 15);
          case "valueRating" -> valueRating = r.integer(field, 16);
          case "note" -> note = r.string(field, 17);
          default -> r.unknown(field, CHECKIN_FIELDS);
        }
      }
      String record = checkInRecord(account, weekText);
      r.throwProblem(record);
      CheckIn checkIn;
      try {
        IsoWeek week = week(weekText);
        checkIn =
            new CheckIn(
                account,
                rep,
                week,
                contacts,
                shared.number(serviceHours),
                shared.number(unpaidHours),
                outcome == null ? null : Outcome.parse("outcome", outcome),
                shared.number(revenueWon),
                shared.number(discountPct),
                freebies,
                quotaPressure,
                conduct == null ? null : ClientConduct.parse("clientConduct", conduct),
                brokenByClient,
                brokenByUs,
                paymentDays,
                billingDispute,
                valueRating,
                note);
      } catch (InvalidFieldException e) {
        throw new InterchangeException(record, e.field(), e.reason());
      }
      if (accountsRead) {
        if (!accountIndex.containsKey(account)) {
          throw new InterchangeException(record, "account", unknownAccount(account));
        }
      } else if (!accountIndex.containsKey(account)) {
        if (pending == null) {
          pending = new HashMap<>();
        }
        pending.putIfAbsent(account, new String[] {Integer.toString(index), weekText});
      }
      handler.checkIn(index, checkIn);
    }

    private Contacts readContacts(FieldReader outer) throws IOException {
      if (!outer.startObject("contacts", 3)) {
        return null;
      }
      FieldReader r = new FieldReader(parser, "contacts.");
      Integer business = null;
      Integer social = null;
      String field;
      while ((field = r.nextField()) != null) {
        switch (field) {
          case "business" -> business = r.integer("contacts.business", 0);
          case "social" -> social = r.integer("contacts.social", 1);
          default -> r.unknown("contacts." + field, "business, social");
        }
      }
      if (r.hasProblem()) {
        outer.adopt(r);
        return null;
      }
      if (business == null && social == null) {
        return null; // an empty object reports nothing
      }
      try {
        return shared.contacts(business, social);
      } catch (InvalidFieldException e) {
        outer.problem(e.field(), e.reason());
        return null;
      }
    }

    private IsoWeek week(String text) {
      if (text == null) {
        return null; // the domain record reports the missing week
      }
      IsoWeek w = weeks.get(text);
      if (w == null) {
        w = IsoWeek.parse(text);
        weeks.put(text, w);
      }
      return w;
    }

    private String checkInRecord(String account, String week) {
      StringBuilder b = new StringBuilder(where());
      if (account != null || week != null) {
        b.append(" (");
        if (account != null) {
          b.append("account \"").append(account).append('"');
        }
        if (week != null) {
          b.append(account != null ? ", " : "").append("week ").append(week);
        }
        b.append(')');
      }
      return b.toString();
    }

    private void checkPending() {
      if (pending == null) {
        return;
      }
      String firstId = null;
      int firstIndex = Integer.MAX_VALUE;
      for (Map.Entry<String, String[]> e : pending.entrySet()) {
        int i = Integer.parseInt(e.getValue()[0]);
        if (!accountIndex.containsKey(e.getKey()) && i < firstIndex) {
          firstIndex = i;
          firstId = e.getKey();
        }
      }
      if (firstId != null) {
        String week = pending.get(firstId)[1];
        throw new InterchangeException(
            CHECKINS + "[" + firstIndex + "] (account \"" + firstId + "\", week " + week + ")",
            "account",
            unknownAccount(firstId));
      }
      pending = null;
    }

    private String unknownAccount(String id) {
      return "no account with id \"" + id + "\" in \"accounts\"";
    }
  }

  private static final String CHECKIN_FIELDS =
      "account, rep, week, contacts, serviceHours, unpaidHours, outcome, revenueWon, discountPct,"
          + " freebies, quotaPressure, clientConduct, promisesBrokenByClient, promisesBrokenByUs,"
          + " paymentDays, billingDispute, valueRating, note";

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the file";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }
}
