package io.rapport.domain;

import java.text.Normalizer;
import java.util.Locale;

/** How names of teams and accounts are compared: case-insensitively, spaces folded. */
public final class Names {
  private Names() {}

  /** The key a name is stored and matched under. */
  public static String key(String name) {
    String folded = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return folded.replaceAll("\\s+", " ");
  }

  /** A stable id derived from a name, e.g. "Acme Pty Ltd" → "acme-pty-ltd". */
  public static String slug(String name) {
    String ascii = Normalizer.normalize(key(name), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    if (slug.length() > 48) {
      slug = slug.substring(0, 48).replaceAll("-$", "");
    }
    return slug.isEmpty() ? "account" : slug;
  }
}
