package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.SourceRef;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.SexRule;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.read.PatientRecordReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In a generated population of 10,000, every seed trial's rules meet all three verdicts. Each seed trial has an
 * inclusion criterion that only a question settles (an {@link Ask}: severity, refractoriness, organ complications),
 * so on the record alone ELIGIBLE is impossible and NEEDS_INFO is the best verdict; ELIGIBLE is checked with every
 * question answered in the patient's favour, which shows the record side of the rules can be fully met.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedTrialVerdictsTest {
  private final List<PatientIndex> patients = new ArrayList<>();
  /** The same patients, their medication lists confirmed by the clinician (an answer: "nothing else"). */
  private final List<PatientIndex> confirmedLists = new ArrayList<>();

  @BeforeAll
  void generate(@TempDir Path tmp) {
    Path input = Populations.generate(tmp.resolve("in"), 10_000, 42);
    List<String> names = BulkFiles.discover(input).files().stream().map(BulkFile::name).toList();
    PatientRecordReader reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST);
    for (Map.Entry<String, List<BucketRecord>> p : Populations.groupInMemory(input).entrySet()) {
      PatientFacts facts = reader.read(new PatientLines(p.getKey(), p.getValue()), Populations.AS_OF, names).facts();
      patients.add(PatientIndex.of(facts));
      confirmedLists.add(PatientIndex.of(withMedicationListConfirmed(facts)));
    }
  }

  /**
   * A record listing no medication rules no drug use out (each medication criterion UNKNOWN); answered in the
   * patient's favour, the clinician confirms the list: an entry naming no drug any rule asks about.
   */
  private static PatientFacts withMedicationListConfirmed(PatientFacts f) {
    if (!f.medications().isEmpty()) return f;
    List<MedicationExposure> confirmed = List.of(new MedicationExposure(java.util.Set.of(),
        "no other medication (confirmed)", null, null, MedicationExposure.ExposureStatus.UNKNOWN, SourceRef.NONE));
    return new PatientFacts(f.id(), f.birthDate(), f.sex(), f.measurements(), f.codedObservations(), f.conditions(),
        confirmed, f.procedures(), f.allergies(), f.immunizations());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411"})
  void everyVerdictOccurs(String nctId) {
    MatchCandidate trial = SeedTrials.candidates().stream().filter(c -> c.trial().nctId().equals(nctId))
        .findFirst().orElseThrow();
    EvaluationContext context = new EvaluationContext(Populations.AS_OF);
    Map<Verdict, Integer> asRecorded = new TreeMap<>();
    Map<Verdict, Integer> answered = new TreeMap<>();
    CriteriaSet favourable = answeredFavourably(trial.criteria());
    for (int i = 0; i < patients.size(); i++) {
      asRecorded.merge(TrialEvaluator.evaluate(trial.criteria(), patients.get(i), context).verdict(), 1, Integer::sum);
      answered.merge(TrialEvaluator.evaluate(favourable, confirmedLists.get(i), context).verdict(), 1, Integer::sum);
    }
    System.out.printf("%s as recorded %s, questions answered favourably %s%n", nctId, asRecorded, answered);
    assertThat(asRecorded.keySet()).containsExactly(Verdict.NEEDS_INFO, Verdict.INELIGIBLE);
    assertThat(answered.keySet()).containsExactly(Verdict.ELIGIBLE, Verdict.NEEDS_INFO, Verdict.INELIGIBLE);
    assertThat(trial.criteria().criteria()).anySatisfy(c -> {
      assertThat(c.type()).isEqualTo(CriterionType.INCLUSION);
      assertThat(truths(c.rule())).doesNotContain(Truth.MET);
    });
  }

  /** Each question replaced by a rule that is MET (or NOT_MET under an exclusion or a negation) for everyone here. */
  static CriteriaSet answeredFavourably(CriteriaSet set) {
    List<Criterion> out = new ArrayList<>();
    for (Criterion c : set.criteria()) {
      boolean want = c.type() == CriterionType.INCLUSION;
      out.add(new Criterion(c.id(), c.type(), c.text(), favour(c.rule(), want), c.origin()));
    }
    return new CriteriaSet(set.trialId(), out);
  }

  private static Rule favour(Rule rule, boolean want) {
    Rule everyone = new SexRule(EnumSet.of(Sex.FEMALE, Sex.MALE, Sex.OTHER));
    return switch (rule) {
      case Ask a -> want ? everyone : new Not(everyone);
      case AllOf r -> new AllOf(r.rules().stream().map(x -> favour(x, want)).toList());
      case AnyOf r -> new AnyOf(r.rules().stream().map(x -> favour(x, want)).toList());
      case AtLeast r -> new AtLeast(r.count(), r.rules().stream().map(x -> favour(x, want)).toList());
      case Not r -> new Not(favour(r.rule(), !want));
      default -> rule;
    };
  }

  /** The truths a rule can take whatever the record says (Asks are always UNKNOWN). */
  private static Set<Truth> truths(Rule rule) {
    return switch (rule) {
      case Ask a -> EnumSet.of(Truth.UNKNOWN);
      case AllOf r -> r.rules().stream().map(SeedTrialVerdictsTest::truths)
          .reduce((x, y) -> combine(x, y, true)).orElseThrow();
      case AnyOf r -> r.rules().stream().map(SeedTrialVerdictsTest::truths)
          .reduce((x, y) -> combine(x, y, false)).orElseThrow();
      case Not r -> EnumSet.copyOf(truths(r.rule()).stream().map(Truth::not).toList());
      default -> EnumSet.allOf(Truth.class);
    };
  }

  private static Set<Truth> combine(Set<Truth> a, Set<Truth> b, boolean and) {
    Set<Truth> out = EnumSet.noneOf(Truth.class);
    for (Truth x : a) for (Truth y : b) out.add(and ? x.and(y) : x.or(y));
    return out;
  }

}
