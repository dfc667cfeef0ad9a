package org.eligo.core.rule;

/** How a criterion's rule was made. */
public enum RuleOrigin {
  /** From the registry's structured fields (minimum/maximum age, sex). */
  REGISTRY_FIELDS,
  /** By the criteria parser from the registry sentence. */
  PARSED,
  /** Written or checked by a person; takes precedence over the parser. */
  CURATED,
  /** Not understood: the rule is {@link Unparsed}. */
  UNPARSED
}
