package org.eligo.core.trial;

import java.util.List;

/** API v2 {@code conditionsModule}: the conditions studied and the registry keywords. */
public record Conditions(List<String> conditions, List<String> keywords) {
  public Conditions {
    conditions = List.copyOf(conditions);
    keywords = List.copyOf(keywords);
  }
}
