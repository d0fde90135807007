package io.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportCsvCellTest {
  @Test
  void cellsASpreadsheetWouldRunAreNeutralised() {
    assertThat(ReportCsv.text("=2+3+cmd|'/C calc'!A0")).isEqualTo("'=2+3+cmd|'/C calc'!A0");
    assertThat(ReportCsv.text("+44 20 7946 0000")).isEqualTo("'+44 20 7946 0000");
    assertThat(ReportCsv.text("-1")).isEqualTo("'-1");
    assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ReportCsv.text("\tTab")).isEqualTo("'\tTab");
    assertThat(ReportCsv.text("\rCR")).isEqualTo("'\rCR");
  }

  @Test
  void everythingElseStaysAsItIs() {
    assertThat(ReportCsv.text("Acme = Retail")).isEqualTo("Acme = Retail");
    assertThat(ReportCsv.text("O'Brien & Sons")).isEqualTo("O'Brien & Sons");
    assertThat(ReportCsv.text("")).isEmpty();
    assertThat(ReportCsv.text(null)).isEmpty();
  }
}
