package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.criteria.json.RuleSetJson;
import org.eligo.store.rules.RuleSetOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules a person saves in the store take effect at once and win over bundled and parsed rules. */
class CuratedRulesTest {
  @TempDir
  Path dir;

  @Test
  void savedRulesReplaceTheCompiledOnesWithoutARestart() {
    try (Registry registry = Registry.open(RegistryConfig.embedded(dir))) {
      assertThat(registry.criteria("NCT05281068").orElseThrow().criteria()).hasSizeGreaterThan(1);
      CriteriaSet edited = new CriteriaSet("NCT05281068", java.util.List.of(new Criterion("inc-1",
          CriterionType.INCLUSION, "Written informed consent.", new ScreeningConfirmation("informed consent"),
          RuleOrigin.CURATED)));
      registry.ruleSets().saveRuleSet("NCT05281068", RuleSetOrigin.CURATED, RuleSetJson.structural().write(edited));
      registry.rulesChanged("NCT05281068");
      assertThat(registry.criteria("NCT05281068").orElseThrow().criteria()).extracting(Criterion::id)
          .containsExactly("inc-1");
    }
  }
}
