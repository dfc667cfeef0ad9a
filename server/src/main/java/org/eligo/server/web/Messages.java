package org.eligo.server.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The page texts of one language, from the bundle {@code org/eligo/server/messages}. Thread-safe. */
public final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  public static Messages of(Locale locale) {
    return new Messages(ResourceBundle.getBundle("org.eligo.server.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
  }

  /** The text for {@code key} with its arguments filled in; a missing key is a programming error. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message '" + key + "' in " + bundle.getBaseBundleName(), e);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** True when the bundle has {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A duration in days in the largest whole unit: 365 → "1 year", 84 → "12 weeks", 90 → "3 months". */
  public String duration(int days) {
    if (days > 0 && days % 365 == 0) return get("duration.years", days / 365);
    if (days > 0 && days % 30 == 0) return get("duration.months", days / 30);
    if (days > 0 && days % 7 == 0) return get("duration.weeks", days / 7);
    return get("duration.days", days);
  }

  public String languageTag() {
    return get("lang.code");
  }
}
