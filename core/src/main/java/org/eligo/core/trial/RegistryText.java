package org.eligo.core.trial;

/** Registry text as a person should read it: ClinicalTrials.gov's markdown escapes ({@code \<}, {@code \^}) removed. */
public final class RegistryText {
  private RegistryText() {}

  /**
   * The text with each backslash escape of ASCII punctuation ({@code \<}, {@code \=}, {@code \\}) replaced by the
   * character itself, as a markdown reader shows it.
   */
  public static String display(String text) {
    return text == null ? null : ESCAPE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
  }

  private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
}
