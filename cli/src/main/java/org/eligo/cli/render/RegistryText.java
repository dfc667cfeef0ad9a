package org.eligo.cli.render;

/** Registry text as a person should read it: ClinicalTrials.gov's markdown escapes ({@code \<}, {@code \^}) removed. */
public final class RegistryText {
  private RegistryText() {}

  public static String display(String text) {
    return text == null ? null : text.replaceAll("\\\\([<>^*_\\[\\]()#+.!-])", "$1");
  }
}
