package io.rapport.slack.http;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import java.time.Clock;

/**
 * Bolt's own request verification, kept on behind {@link SlackSignatureVerifier} as a second line,
 * but reading "now" from Rapport's clock instead of the system clock, so the two checks always
 * agree on a timestamp's age (and tests with a fixed clock pass both).
 */
public final class BoltSignatureCheck {
  private BoltSignatureCheck() {}

  public static RequestVerification middleware(String signingSecret, Clock clock) {
    return new RequestVerification(new ClockedVerifier(signingSecret, clock));
  }

  private static final class ClockedVerifier extends SlackSignature.Verifier {
    private final Clock clock;

    ClockedVerifier(String signingSecret, Clock clock) {
      super(new SlackSignature.Generator(signingSecret));
      this.clock = clock;
    }

    @Override
    public boolean isValid(String timestamp, String requestBody, String signature, long nowMillis) {
      return super.isValid(timestamp, requestBody, signature, clock.millis());
    }
  }
}
