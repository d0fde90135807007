package io.rapport.slack.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's request signature: {@code v0=} + hex HMAC-SHA256(secret, {@code
 * v0:timestamp:body}). Stricter than the SDK's own check: the digest is compared in constant time,
 * the body is UTF-8, and a timestamp more than five minutes away in either direction is refused.
 */
public final class SlackSignatureVerifier {
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final String VERSION = "v0";

  private final SecretKeySpec key;
  private final Clock clock;
  /** One initialised Mac per thread: looking one up and keying it per request cost measurable time. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public SlackSignatureVerifier(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** Why a request was refused, or {@link Verdict#OK}. */
  public enum Verdict {
    OK,
    MISSING_HEADERS,
    STALE_TIMESTAMP,
    BAD_SIGNATURE
  }

  /** Verifies a body given as text (encoded as UTF-8, as Slack sends it). */
  public Verdict verify(String timestampHeader, String signatureHeader, String body) {
    return verify(timestampHeader, signatureHeader, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Verifies the body's bytes exactly as they arrived: the hot path, no decoding or copying. */
  public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
    Verdict headers = checkHeaders(timestampHeader, signatureHeader);
    if (headers != Verdict.OK) {
      return headers;
    }
    byte[] expected = sign(timestampHeader.trim(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signatureHeader.trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual) ? Verdict.OK : Verdict.BAD_SIGNATURE;
  }

  /**
   * What can be judged before the body is read: both headers present, the signature shaped like
   * Slack's ({@code v0=} and 64 hex digits) and the timestamp within {@link #MAX_SKEW} of now. A
   * request that fails here is refused without reading a byte of its body.
   */
  public Verdict checkHeaders(String timestampHeader, String signatureHeader) {
    if (timestampHeader == null || signatureHeader == null) {
      return Verdict.MISSING_HEADERS;
    }
    String signature = signatureHeader.trim();
    if (signature.length() != VERSION.length() + 1 + 64 || !signature.startsWith(VERSION + "=")) {
      return Verdict.BAD_SIGNATURE;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return Verdict.STALE_TIMESTAMP;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > MAX_SKEW.toSeconds()) {
      return Verdict.STALE_TIMESTAMP;
    }
    return Verdict.OK;
  }

  /** The signature Slack would send for this timestamp and body. */
  public String sign(String timestamp, String body) {
    return sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(String timestamp, byte[] body) {
    Mac mac = macs.get();
    mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
    return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
