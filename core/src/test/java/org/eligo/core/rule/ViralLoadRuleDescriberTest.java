package org.eligo.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Viral-load rules said in the units people write, not in UCUM's brackets and braces. */
class ViralLoadRuleDescriberTest {

  @Test
  void aLimitIsSaidInIuOrCopiesPerMillilitre() {
    assertThat(RuleDescriber.describe(ViralLoadRule.of("hbv-dna", "hepatitis-b", "HBV DNA", Comparator.LT, 20,
        "[IU]/mL"))).isEqualTo("HBV DNA < 20 IU/mL (latest within 3 months)");
    assertThat(RuleDescriber.describe(ViralLoadRule.of("hiv-1-rna", "hiv-infection", "HIV-1 RNA", Comparator.GE, 200,
        "{copies}/mL"))).isEqualTo("HIV-1 RNA ≥ 200 copies/mL (latest within 3 months)");
    assertThat(RuleDescriber.describe(ViralLoadRule.detectable("hbv-dna", "hepatitis-b", "HBV DNA")))
        .isEqualTo("detectable HBV DNA (latest within 3 months)");
  }
}
