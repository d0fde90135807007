package io.rapport.slack.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SlackTextTest {
  @Test
  void aChannelPingAndADisguisedLinkReadAsText() {
    assertEquals("Evil &lt;!channel&gt; &lt;http://evil.example|click me&gt; &amp; co",
        SlackText.escape("Evil <!channel> <http://evil.example|click me> & co"));
  }

  @Test
  void plainTextIsReturnedAsIs() {
    String s = "Acme Pty Ltd";
    assertSame(s, SlackText.escape(s));
    assertEquals("", SlackText.escape(null));
  }

  @Test
  void shorteningNeverCutsAWord() {
    assertEquals("The client asked…", SlackText.shorten("The client asked for another discount", 20));
    assertEquals("short", SlackText.shorten("  short ", 20));
  }
}
