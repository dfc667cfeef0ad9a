package org.eligo.store.trial;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code trial.site_statuses} column: each site's key and status on its own line, separated by a tab, with
 * backslash, tab and line breaks escaped ({@code \\ \t \n \r}), so that any facility name survives. Null or empty
 * for a study without site statuses.
 */
public final class SiteStatusText {

  private SiteStatusText() {}

  public static String encode(Map<String, String> siteStatuses) {
    if (siteStatuses.isEmpty()) return null;
    StringBuilder text = new StringBuilder();
    siteStatuses.forEach((key, status) -> {
      escape(key, text);
      text.append('\t');
      escape(status, text);
      text.append('\n');
    });
    return text.toString();
  }

  /** The statuses by site key, sorted by key. */
  public static Map<String, String> decode(String text) {
    if (text == null || text.isEmpty()) return Map.of();
    Map<String, String> sites = new TreeMap<>();
    StringBuilder key = new StringBuilder();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        field.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else if (c == '\t') {
        key.setLength(0);
        key.append(field);
        field.setLength(0);
      } else if (c == '\n') {
        sites.put(key.toString(), field.toString());
        key.setLength(0);
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    return Collections.unmodifiableMap(sites);
  }

  private static void escape(String value, StringBuilder text) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }
}
