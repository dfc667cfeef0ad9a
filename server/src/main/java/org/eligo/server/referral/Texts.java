package org.eligo.server.referral;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts of the referral and staff pages, from the bundle {@code org/eligo/referral/pages}. Thread-safe. */
public final class Texts {

  private static final Texts ENGLISH = new Texts(Locale.ENGLISH);

  private final ResourceBundle bundle;
  private final Locale locale;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("org.eligo.referral.pages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Texts english() {
    return ENGLISH;
  }

  /** The text for {@code key} with its arguments filled in; a missing key is a programming error. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no text '" + key + "' in org/eligo/referral/pages", e);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
