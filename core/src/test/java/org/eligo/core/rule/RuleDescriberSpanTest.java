package org.eligo.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules read in the words people use for spans of time, not in raw day counts. */
class RuleDescriberSpanTest {

  @Test
  void daysAreSaidAsYearsMonthsOrWeeksWhenTheyDivideEvenly() {
    assertThat(RuleDescriber.span(1825)).isEqualTo("5 years");
    assertThat(RuleDescriber.span(365)).isEqualTo("1 year");
    assertThat(RuleDescriber.span(180)).isEqualTo("6 months");
    assertThat(RuleDescriber.span(28)).isEqualTo("4 weeks");
    assertThat(RuleDescriber.span(30)).isEqualTo("30 days");
    assertThat(RuleDescriber.span(1)).isEqualTo("1 day");
    ConditionRule cancer = new ConditionRule(Set.of("malignancy"), Set.of(), new TimeWindow.WithinDays(1825),
        "malignancy");
    assertThat(RuleDescriber.describe(cancer)).contains("within the last 5 years").doesNotContain("1825");
  }
}
