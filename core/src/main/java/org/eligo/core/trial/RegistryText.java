package org.eligo.core.trial;

/** Registry text as a person should read it: ClinicalTrials.gov's markdown escapes ({@code \<}, {@code \^}) removed. */
public final class RegistryText {
  private RegistryText() {}

  /**
   * The text with each backslash escape of ASCII punctuation ({@code \<}, {@code \=}, {@code \\}) replaced by the
   * character itself, as a markdown reader shows it. Text without a backslash is returned as it is, without a copy:
   * every answer that explains criteria passes each criterion's text through here.
   */
  public static String display(String text) {
    if (text == null) return null;
    int slash = text.indexOf('\\');
    if (slash < 0) return text;
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, slash);
    for (int i = slash; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
        out.append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The characters CommonMark lets a backslash escape: {@code !-/ :-@ [-` {-~}. */
  private static boolean isAsciiPunctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
  }
}
