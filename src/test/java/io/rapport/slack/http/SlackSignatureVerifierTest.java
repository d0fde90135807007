package io.rapport.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.slack.http.SlackSignatureVerifier.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {
  // Slack's published example ("Verifying requests from Slack").
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String TIMESTAMP = "1531420618";
  static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
          + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackSignatureVerifier at(long epochSecond) {
    return new SlackSignatureVerifier(
        SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void slacksPublishedExampleSignsToTheDocumentedSignature() {
    assertThat(at(1531420618).sign(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void slacksPublishedExampleVerifies() {
    assertThat(at(1531420618 + 30).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void aTamperedBodyIsRefused() {
    String tampered = BODY.replace("user_id=U2CERLKJA", "user_id=U2CERLKJB");
    assertThat(at(1531420618).verify(TIMESTAMP, SIGNATURE, tampered)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aTamperedSignatureIsRefused() {
    String wrong = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "0";
    assertThat(at(1531420618).verify(TIMESTAMP, wrong, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aSignatureForAnotherTimestampIsRefused() {
    assertThat(at(1531420618).verify("1531420619", SIGNATURE, BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aTimestampOlderThanFiveMinutesIsStale() {
    assertThat(at(1531420618 + 301).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void aTimestampMoreThanFiveMinutesInTheFutureIsStale() {
    assertThat(at(1531420618 - 301).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void exactlyFiveMinutesEitherWayIsStillAccepted() {
    assertThat(at(1531420618 + 300).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
    assertThat(at(1531420618 - 300).verify(TIMESTAMP, SIGNATURE, BODY)).isEqualTo(Verdict.OK);
  }

  @Test
  void missingHeadersAreRefused() {
    assertThat(at(1531420618).verify(null, SIGNATURE, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(at(1531420618).verify(TIMESTAMP, null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
  }

  @Test
  void aNonNumericTimestampIsRefused() {
    assertThat(at(1531420618).verify("yesterday", SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
  }

  @Test
  void aSignatureFromAnotherSecretIsRefused() {
    SlackSignatureVerifier other = new SlackSignatureVerifier("another-secret",
        Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC));
    assertThat(at(1531420618).verify(TIMESTAMP, other.sign(TIMESTAMP, BODY), BODY))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void nonAsciiBodiesAreSignedAsUtf8() {
    SlackSignatureVerifier v = at(1531420618);
    String body = "text=" + "Café Zürich ✓";
    assertThat(v.verify(TIMESTAMP, v.sign(TIMESTAMP, body), body)).isEqualTo(Verdict.OK);
    assertThat(v.verify(TIMESTAMP, v.sign(TIMESTAMP, body), "text=Cafe Zurich ✓"))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void theBodysBytesAreVerifiedAsTheyArrivedAndOneThreadCanVerifyManyInARow() {
    SlackSignatureVerifier v = at(1531420618);
    byte[] bytes = BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      assertThat(v.verify(TIMESTAMP, SIGNATURE, bytes)).isEqualTo(Verdict.OK);
      assertThat(v.verify(TIMESTAMP, SIGNATURE, java.util.Arrays.copyOf(bytes, bytes.length - 1)))
          .isEqualTo(Verdict.BAD_SIGNATURE);
    }
  }

  @Test
  void bytesThatAreNotValidUtf8AreJudgedAsSentNotAsDecoded() {
    SlackSignatureVerifier v = at(1531420618);
    byte[] raw = {'t', '=', (byte) 0xC3, (byte) 0x28};
    String decoded = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(v.verify(TIMESTAMP, v.sign(TIMESTAMP, decoded), raw)).isEqualTo(Verdict.BAD_SIGNATURE);
  }
}
