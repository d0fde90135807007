package io.rapport.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.domain.Account;
import io.rapport.insight.AccountAnalysis;
import io.rapport.insight.Finding;
import io.rapport.insight.Health;
import io.rapport.insight.Pattern;
import io.rapport.insight.Severity;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The machine-readable analysis (SPEC §7): one entry per account in order, each flag in full. */
class AnalysisJsonWriterTest {
  private static final Account ACME = Account.of("acme", "Acme", "U1");
  private static final Account QUIET = Account.of("quiet", "Quiet", "U1");

  private static JsonNode written(List<AccountAnalysis> analyses) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    BufferedOutputStream buffered = new BufferedOutputStream(sink, 1 << 16);
    new AnalysisJsonWriter().write(buffered, analyses);
    assertThat(sink.toString(java.nio.charset.StandardCharsets.UTF_8)).endsWith("}\n");
    return new ObjectMapper().readTree(sink.toByteArray());
  }

  @Test
  void eachAccountHasItsHealthBandAndFlagsWithEvidenceAndTip() throws IOException {
    Finding warning = Finding.of(Pattern.TERMS_DICTATED, Severity.WARNING, List.of("paid late", "three times"));
    Finding watch = Finding.of(Pattern.BIG_BROTHER, Severity.WATCH, List.of("threatened once"));
    AccountAnalysis acme =
        new AccountAnalysis(ACME, Optional.of(new Health(50, Health.Band.UNHEALTHY, List.of())), List.of(warning, watch));
    AccountAnalysis quiet = new AccountAnalysis(QUIET, Optional.empty(), List.of());

    JsonNode root = written(List.of(acme, quiet));

    assertThat(root.fieldNames()).toIterable().containsExactly("accounts");
    JsonNode first = root.get("accounts").get(0);
    assertThat(first.get("id").asText()).isEqualTo("acme");
    assertThat(first.get("health").asInt()).isEqualTo(50);
    assertThat(first.get("band").asText()).isEqualTo(Health.Band.UNHEALTHY.id());
    assertThat(first.get("flags")).hasSize(2);
    JsonNode flag = first.get("flags").get(0);
    assertThat(flag.get("pattern").asText()).isEqualTo(Pattern.TERMS_DICTATED.id());
    assertThat(flag.get("severity").asText()).isEqualTo("warning");
    assertThat(flag.get("evidence")).extracting(JsonNode::asText).containsExactly("paid late", "three times");
    assertThat(flag.get("tip").asText()).isEqualTo(warning.tip());
    assertThat(first.get("flags").get(1).get("severity").asText()).isEqualTo("watch");

    JsonNode second = root.get("accounts").get(1);
    assertThat(second.get("id").asText()).isEqualTo("quiet");
    assertThat(second.get("health").isNull()).isTrue();
    assertThat(second.get("band").isNull()).isTrue();
    assertThat(second.get("noRecentCheckIns").asBoolean()).isTrue();
    assertThat(second.get("flags")).isEmpty();
    assertThat(first.has("noRecentCheckIns")).isFalse();
  }

  @Test
  void noAccountsIsAnEmptyList() throws IOException {
    assertThat(written(List.of()).get("accounts")).isEmpty();
  }
}
