package org.eligo.store.rules;

import java.util.Optional;

/** Current rule sets, one per study and origin. */
public interface RuleSetRepository {

  /** Stores {@code json} as the study's current rule set of this origin, replacing any earlier one. */
  StoredRuleSet saveRuleSet(String nctId, RuleSetOrigin origin, String json);

  Optional<StoredRuleSet> findRuleSet(String nctId, RuleSetOrigin origin);
}
