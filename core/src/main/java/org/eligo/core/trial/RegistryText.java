package org.eligo.core.trial;

/** Registry text as a person should read it: ClinicalTrials.gov's markdown escapes ({@code \<}, {@code \^}) removed. */
public final class RegistryText {
  private RegistryText() {}

  /** The text with each backslash escape of ASCII punctuation ({@code \<}) replaced by the character itself. */
  public static String display(String text) {
    return text == null ? null : text.replaceAll("\\\\([<>^*_\\[\\]()#+.!-])", "$1");
  }
}
