package org.eligo.store.rules;

import java.time.Instant;
import java.util.Objects;

/** A study's current rule set of one origin, as the JSON document its producer wrote. */
public record StoredRuleSet(String nctId, RuleSetOrigin origin, String documentJson, Instant updatedAt) {

  public StoredRuleSet {
    Objects.requireNonNull(nctId, "nctId");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(documentJson, "documentJson");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
