package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.domain.Account;
import io.rapport.domain.CheckIn;
import io.rapport.domain.IsoWeek;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How numbers and empty sections are written, and that what is written is on disk or flushed. */
class InterchangeWriterTest {
  private static final Account ACME = Account.of("acme", "Acme", "U1");
  private static final IsoWeek W41 = IsoWeek.parse("2026-W41");

  @TempDir Path dir;

  private static String written(Interchange data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InterchangeWriter().write(out, data);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Interchange revenue(double value) {
    return Interchange.of(List.of(ACME), List.of(CheckIn.builder("acme", W41).revenueWon(value).build()));
  }

  private static Interchange readBack(String text) throws IOException {
    return new InterchangeReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anEmptyBookIsTwoEmptySectionsOnOneLine() throws IOException {
    assertThat(written(Interchange.of(List.of(), List.of()))).isEqualTo("{\"accounts\":[],\"checkins\":[]}\n");
  }

  @Test
  void wholeNumbersBelowAQuadrillionAreWrittenWithoutAFractionAndLargerOnesExactly() throws IOException {
    assertThat(written(revenue(999_999_999_999_999d))).contains("\"revenueWon\":999999999999999}");
    assertThat(written(revenue(1e15))).contains("\"revenueWon\":1.0E15}");
    assertThat(written(revenue(12000))).contains("\"revenueWon\":12000}");
    assertThat(written(revenue(0.5))).contains("\"revenueWon\":0.5}");
  }

  @Test
  void negativeZeroAndHugeWholeNumbersReadBackAsTheSameValues() throws IOException {
    for (double value : new double[] {-0.0, 1e15, 3e20}) {
      Interchange original = revenue(value);
      String text = written(original);

      Interchange read = readBack(text);

      assertThat(read).as("%s written as %s", value, text).isEqualTo(original);
      assertThat(Double.doubleToRawLongBits(read.checkIns().get(0).revenueWon()))
          .as("%s written as %s", value, text)
          .isEqualTo(Double.doubleToRawLongBits(value));
    }
  }

  @Test
  void theStreamIsFlushedSoNothingStaysInABuffer() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    BufferedOutputStream buffered = new BufferedOutputStream(sink, 1 << 16);

    new InterchangeWriter().write(buffered, revenue(5));

    assertThat(sink.toString(StandardCharsets.UTF_8)).endsWith("]}\n").contains("\"revenueWon\":5}");
  }

  @Test
  void aFileIsWrittenAndReadBack() throws IOException {
    Path f = dir.resolve("export.json");
    Interchange original = revenue(7.25);

    new InterchangeWriter().write(f, original);

    assertThat(Files.readString(f)).isEqualTo(written(original));
    assertThat(new InterchangeReader().read(f)).isEqualTo(original);
  }
}
