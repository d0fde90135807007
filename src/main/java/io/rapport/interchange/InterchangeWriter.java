package io.rapport.interchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the interchange format of SPEC §6, streaming: one record per line, fields in a fixed
 * order, unanswered signals left out, account settings always written in full. Records are
 * written in the order given; {@link #write(OutputStream, Interchange)} writes the canonical
 * order (accounts in order, each account's check-ins by week), so writing what was read and
 * reading it again gives the same {@link Interchange}.
 */
public final class InterchangeWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Map<IsoWeek, String> weekText = new HashMap<>();

  /** Writes a whole interchange to a file, replacing it. */
  public void write(Path file, Interchange data) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, data);
    }
  }

  /** Writes a whole interchange in canonical order. The stream is flushed, not closed. */
  public void write(OutputStream out, Interchange data) throws IOException {
    write(out, data.accounts(), data.checkIns());
  }

  /**
   * Writes accounts and check-ins as they come, e.g. straight from a database cursor. The stream is
   * flushed, not closed.
   */
  public void write(OutputStream out, Iterable<Account> accounts, Iterable<CheckIn> checkIns)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new OneRecordPerLine());
      g.writeStartObject();
      g.writeArrayFieldStart(InterchangeReader.ACCOUNTS);
      for (Account a : accounts) {
        writeAccount(g, a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart(InterchangeReader.CHECKINS);
      for (CheckIn c : checkIns) {
        writeCheckIn(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  private static void writeAccount(JsonGenerator g, Account a) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", a.id());
    g.writeStringField("name", a.name());
    g.writeStringField("rep", a.rep());
    g.writeStringField("tier", a.tier().id());
    g.writeNumberField("agreedPaymentDays", a.agreedPaymentDays());
    g.writeStringField("horizon", a.horizon().id());
    g.writeBooleanField("mandated", a.mandated());
    number(g, "listMarginPct", a.listMarginPct());
    g.writeEndObject();
  }

  private void writeCheckIn(JsonGenerator g, CheckIn c) throws IOException {
    g.writeStartObject();
    g.writeStringField("account", c.account());
    if (c.rep() != null) {
      g.writeStringField("rep", c.rep());
    }
    g.writeStringField("week", weekText.computeIfAbsent(c.week(), IsoWeek::toString));
    if (c.contacts() != null) {
      g.writeObjectFieldStart("contacts");
      if (c.contacts().business() != null) {
        g.writeNumberField("business", c.contacts().business());
      }
      if (c.contacts().social() != null) {
        g.writeNumberField("social", c.contacts().social());
      }
      g.writeEndObject();
    }
    number(g, "serviceHours", c.serviceHours());
    number(g, "unpaidHours", c.unpaidHours());
    if (c.outcome() != null) {
      g.writeStringField("outcome", c.outcome().id());
    }
    number(g, "revenueWon", c.revenueWon());
    number(g, "discountPct", c.discountPct());
    bool(g, "freebies", c.freebies());
    bool(g, "quotaPressure", c.quotaPressure());
    if (c.clientConduct() != null) {
      g.writeStringField("clientConduct", c.clientConduct().id());
    }
    integer(g, "promisesBrokenByClient", c.promisesBrokenByClient());
    integer(g, "promisesBrokenByUs", c.promisesBrokenByUs());
    integer(g, "paymentDays", c.paymentDays());
    bool(g, "billingDispute", c.billingDispute());
    integer(g, "valueRating", c.valueRating());
    if (c.note() != null) {
      g.writeStringField("note", c.note());
    }
    g.writeEndObject();
  }

  /** Whole numbers without a fraction ("8", not "8.0"); others in Java's shortest exact form. */
  private static void number(JsonGenerator g, String field, Double v) throws IOException {
    if (v == null) {
      return;
    }
    double d = v;
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && Double.doubleToRawLongBits(d) != Long.MIN_VALUE) {
      g.writeNumberField(field, (long) d);
    } else {
      g.writeNumberField(field, d);
    }
  }

  private static void integer(JsonGenerator g, String field, Integer v) throws IOException {
    if (v != null) {
      g.writeNumberField(field, v);
    }
  }

  private static void bool(JsonGenerator g, String field, Boolean v) throws IOException {
    if (v != null) {
      g.writeBooleanField(field, v);
    }
  }

  /** Compact records, each on its own line inside the two top-level arrays. */
  private static final class OneRecordPerLine implements PrettyPrinter {
    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(':');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {}
  }
}
