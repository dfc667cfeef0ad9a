package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.terminology.Terminology;
import org.eligo.terminology.infection.InfectionTest;
import org.eligo.terminology.infection.Reading;
import org.junit.jupiter.api.Test;

/** The parser's reading of each test agrees with what the terminology says its results show (infection-tests.json). */
class InfectionTestRecogniserTest {
  static final Terminology TERMS = TerminologyLexicon.bundled().terminology();

  @Test
  @SuppressWarnings("unchecked")
  void everyTestTheTerminologyKnowsIsReadAsItsResultsShow() throws ReflectiveOperationException {
    Field f = InfectionTestRecogniser.class.getDeclaredField("KINDS");
    f.setAccessible(true);
    Map<String, InfectionTestRecogniser.TestKind> kinds = (Map<String, InfectionTestRecogniser.TestKind>) f.get(null);
    for (InfectionTestRecogniser.TestKind kind : kinds.values()) {
      assertThat(TERMS.findConcept(kind.infection())).as(kind.infection()).isPresent();
      if (kind.key() == null) continue;
      InfectionTest test = TERMS.infectionTests().stream().filter(t -> t.key().equals(kind.key())).findFirst()
          .orElseThrow(() -> new AssertionError("no test " + kind.key() + " in infection-tests.json"));
      assertThat(test.infection()).as(kind.key()).isEqualTo(kind.infection());
      // a negative result rules the infection out only where the terminology says it does; where it says nothing
      // (an undetectable viral load), the diagnosis does not show a positive result either: the load is read itself
      boolean rulesOut = test.negative() == Reading.NOT_INFECTED;
      if (kind.positive() == InfectionTestRecogniser.Says.RESULT_POSITIVE) {
        // anti-HBc: a positive is exposure, a negative shows nothing of the infection; read as its own result (§74)
        assertThat(test.positive()).as(kind.key()).isEqualTo(Reading.EXPOSED);
        assertThat(test.negative()).as(kind.key()).isEqualTo(Reading.NOTHING);
        assertThat(kind.negative()).as(kind.key()).isEqualTo(InfectionTestRecogniser.Says.RESULT_NEGATIVE);
        continue;
      }
      assertThat(kind.negative()).as(kind.key()).isEqualTo(rulesOut ? InfectionTestRecogniser.Says.NOT_DIAGNOSIS
          : InfectionTestRecogniser.Says.NOT_DETECTED);
      assertThat(kind.positive()).as(kind.key()).isEqualTo(rulesOut ? InfectionTestRecogniser.Says.DIAGNOSIS
          : InfectionTestRecogniser.Says.DIAGNOSIS_AND_DETECTED);
      if (!rulesOut) assertThat(test.viralLoad()).as(kind.key() + " is a viral load").isTrue();
    }
  }
}
