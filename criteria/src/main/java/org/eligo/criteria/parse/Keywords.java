package org.eligo.criteria.parse;

/** Cheap pre-checks: whether a text holds any of a few word stems (plain {@code indexOf}, far faster than a regex). */
final class Keywords {
  private final String[] stems;

  private Keywords(String[] stems) {
    this.stems = stems;
  }

  static Keywords of(String... stems) {
    return new Keywords(stems.clone());
  }

  boolean in(String lower) {
    for (String stem : stems) if (lower.indexOf(stem) >= 0) return true;
    return false;
  }
}
