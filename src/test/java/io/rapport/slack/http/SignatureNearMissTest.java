package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.slack.http.SlackSignatureVerifier.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Requests that are one second, one byte or one character away from being Slack's: each is refused
 * for the right reason, and the genuine one next to it is accepted.
 */
class SignatureNearMissTest {
  private static final String SECRET = SlackSignatureVerifierTest.SECRET;
  private static final long SENT = 1_531_420_618L;
  private static final String TIMESTAMP = Long.toString(SENT);
  private static final String BODY = SlackSignatureVerifierTest.BODY;
  private static final String SIGNATURE = SlackSignatureVerifierTest.SIGNATURE;
  private static final long WINDOW = SlackSignatureVerifier.MAX_SKEW.toSeconds();

  private static SlackSignatureVerifier receivedAt(long epochSecond) {
    return new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static String flipHexDigit(String signature, int index) {
    char c = signature.charAt(index);
    char other = c == '0' ? '1' : '0';
    return signature.substring(0, index) + other + signature.substring(index + 1);
  }

  @Test
  void theWindowIsFiveMinutes() {
    assertThat(WINDOW).isEqualTo(300);
  }

  @Test
  void aRequestExactlyAtTheEdgeOfTheWindowIsAcceptedAndOneSecondBeyondIsStale() {
    assertThat(receivedAt(SENT + WINDOW).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
    assertThat(receivedAt(SENT + WINDOW + 1).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    assertThat(receivedAt(SENT - WINDOW).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
    assertThat(receivedAt(SENT - WINDOW - 1).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void aStaleRequestIsStaleEvenWithAGenuineSignature() {
    SlackSignatureVerifier now = receivedAt(SENT + 3600);
    String old = Long.toString(SENT);

    assertThat(now.verify(old, now.sign(old, BODY), BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void aSignatureDifferingInAnyOneHexDigitIsRefused() {
    SlackSignatureVerifier v = receivedAt(SENT);
    for (int i = "v0=".length(); i < SIGNATURE.length(); i++) {
      assertThat(v.verify(TIMESTAMP, flipHexDigit(SIGNATURE, i), BODY)).as("digit %d", i).isEqualTo(Verdict.BAD_SIGNATURE);
    }
    assertThat(v.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void aSignatureOfAnotherVersionOrLengthIsRefused() {
    SlackSignatureVerifier v = receivedAt(SENT);

    assertThat(v.verify(TIMESTAMP, "v1" + SIGNATURE.substring(2), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, SIGNATURE.substring(3), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, SIGNATURE + "0", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, SIGNATURE.substring(0, SIGNATURE.length() - 1), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, SIGNATURE.toUpperCase(java.util.Locale.ROOT), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, "", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aBodyDifferingInOneByteAnywhereIsRefused() {
    SlackSignatureVerifier v = receivedAt(SENT);
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    for (int i : new int[] {0, body.length / 2, body.length - 1}) {
      byte[] changed = body.clone();
      changed[i] ^= 1;
      assertThat(v.verify(TIMESTAMP, SIGNATURE, changed)).as("byte %d", i).isEqualTo(Verdict.BAD_SIGNATURE);
    }
    byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
    longer[body.length] = '&';
    assertThat(v.verify(TIMESTAMP, SIGNATURE, longer)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(v.verify(TIMESTAMP, SIGNATURE, body)).isEqualTo(Verdict.OK);
  }

  @Test
  void anEmptyBodyHasItsOwnSignature() {
    SlackSignatureVerifier v = receivedAt(SENT);
    String signed = v.sign(TIMESTAMP, "");

    assertThat(signed).startsWith("v0=").hasSize(3 + 64).isNotEqualTo(SIGNATURE);
    assertThat(v.verify(TIMESTAMP, signed, new byte[0])).isEqualTo(Verdict.OK);
    assertThat(v.verify(TIMESTAMP, signed, "=")).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void headersPaddedWithSpacesAreReadAsTheirValues() {
    SlackSignatureVerifier v = receivedAt(SENT);

    assertThat(v.verify(" " + TIMESTAMP + " ", " " + SIGNATURE + "\t", BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void timestampsThatAreNotWholeSecondsAreRefusedAsStale() {
    SlackSignatureVerifier v = receivedAt(SENT);

    assertThat(v.verify(TIMESTAMP + ".5", SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    assertThat(v.verify("", SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    assertThat(v.verify("99999999999999999999", SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    assertThat(v.verify("0", SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void aMissingHeaderIsReportedBeforeAnythingElse() {
    SlackSignatureVerifier v = receivedAt(SENT + 3600);

    assertThat(v.verify(null, null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(v.verify(null, "v0=00", BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(v.verify("yesterday", null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
  }

  @Test
  void verifiersForTwoSecretsDoNotShareAKeyAcrossThreads() throws Exception {
    SlackSignatureVerifier ours = receivedAt(SENT);
    SlackSignatureVerifier theirs =
        new SlackSignatureVerifier("another-secret", Clock.fixed(Instant.ofEpochSecond(SENT), ZoneOffset.UTC));
    String theirSignature = theirs.sign(TIMESTAMP, BODY);

    Verdict[] onAnotherThread = new Verdict[2];
    Thread t =
        new Thread(
            () -> {
              onAnotherThread[0] = ours.verify(TIMESTAMP, SIGNATURE, BODY);
              onAnotherThread[1] = ours.verify(TIMESTAMP, theirSignature, BODY);
            });
    t.start();
    t.join();

    assertThat(onAnotherThread).containsExactly(Verdict.OK, Verdict.BAD_SIGNATURE);
    assertThat(theirs.verify(TIMESTAMP, theirSignature, BODY)).isEqualTo(Verdict.OK);
    assertThat(ours.verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
  }
}
