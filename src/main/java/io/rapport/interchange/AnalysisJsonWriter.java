package io.rapport.interchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Finding;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes analysis results in the machine-readable form of SPEC §7: {@code
 * {"accounts":[{"id":…,"health":0-100,"flags":[{"pattern":…,"severity":…,"evidence":[…],"tip":…}]}]}},
 * accounts in the order given, flags in the order of {@link AccountAnalysis#findings()}.
 */
public final class AnalysisJsonWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** Writes the results; the stream is flushed, not closed. */
  public void write(OutputStream out, Iterable<AccountAnalysis> analyses) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("accounts");
      for (AccountAnalysis a : analyses) {
        g.writeStartObject();
        g.writeStringField("id", a.account().id());
        if (a.health().isPresent()) {
          g.writeNumberField("health", a.health().get().score());
          g.writeStringField("band", a.health().get().band().id());
        } else {
          // "No recent check-ins": no health number and no band.
          g.writeNullField("health");
          g.writeNullField("band");
          g.writeBooleanField("noRecentCheckIns", true);
        }
        g.writeArrayFieldStart("flags");
        for (Finding f : a.findings()) {
          g.writeStartObject();
          g.writeStringField("pattern", f.pattern().id());
          g.writeStringField("severity", f.severity().id());
          g.writeArrayFieldStart("evidence");
          for (String e : f.evidence()) {
            g.writeString(e);
          }
          g.writeEndArray();
          g.writeStringField("tip", f.tip());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }
}
