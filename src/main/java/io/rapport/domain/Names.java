package io.rapport.domain;

import java.text.Normalizer;
import java.util.Locale;

/** How names of teams and accounts are compared: case-insensitively, spaces folded. */
public final class Names {
  private Names() {}

  /**
   * A name as typed for a new team or account, tidied (ends trimmed, runs of spaces folded to one)
   * and checked: it may not contain control characters (NUL, line breaks, bidirectional
   * overrides…) and must show something once spaces and invisible characters are left out.
   *
   * @param field the field named in the exception, e.g. "name"
   * @throws InvalidFieldException with a message a person can act on
   */
  public static String displayable(String field, String name) {
    String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    int visible = 0;
    for (int i = 0; i < clean.length(); ) {
      int cp = clean.codePointAt(i);
      i += Character.charCount(cp);
      if (isControl(cp)) {
        throw new InvalidFieldException(field, "can't contain control characters (such as NUL or text-direction"
            + " marks); type it again in plain text");
      }
      if (!isInvisible(cp)) {
        visible++;
      }
    }
    if (visible == 0) {
      throw new InvalidFieldException(field, clean.isEmpty() ? "is empty" : "shows nothing: it is only spaces"
          + " or invisible characters");
    }
    return clean;
  }

  private static boolean isControl(int cp) {
    return Character.getType(cp) == Character.CONTROL
        || cp == 0x2028 || cp == 0x2029 // line and paragraph separators
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); // bidi embeddings, overrides, isolates
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        || type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE
        || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
        || cp == 0x2800 // Braille blank
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors
  }

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
