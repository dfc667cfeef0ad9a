package org.eligo.registry.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.rule.Criterion;
import org.eligo.fhir.FhirDiagnostic;
import org.eligo.registry.match.MatchReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed trials' criteria, boundary by boundary, end to end: each case builds its FHIR patient, matches it against
 * its trial through {@link org.eligo.registry.Registry#match} and checks the criterion's status, the trial's verdict,
 * the registry sentence it cites and any question or evidence it names. Every INELIGIBLE verdict must also rest on
 * the record ({@link ExclusionGrounds}).
 */
class GoldenEligibilityTest {

  static Stream<GoldenCase> cases() {
    return GoldenRegistry.SEED_TRIALS.stream().flatMap(t -> GoldenCase.load(t).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void criterionHasTheExpectedStatusAndTheTrialTheExpectedVerdict(GoldenCase c) {
    PatientRecipe patient = RecipeBook.load().patient(c.patient());
    String bundle = patient.bundleJson();
    MatchReport report = GoldenRegistry.match(bundle, c.trialId());
    List<String> problems = new ArrayList<>();
    for (FhirDiagnostic d : report.diagnostics()) {
      if (d.severity() == FhirDiagnostic.Severity.ERROR) problems.add("the record was not read cleanly: " + d);
    }
    TrialResult result = report.results().getFirst().result();
    CriterionResult criterion = result.criteria().stream().filter(r -> r.criterion().id().equals(c.criterionId()))
        .findFirst().orElseThrow(() -> new AssertionError(c.trialId() + " has no criterion " + c.criterionId()));
    if (!normalise(criterion.criterion().text()).contains(normalise(c.cites()))) {
      problems.add("cites '" + c.cites() + "' but the criterion reads: " + criterion.criterion().text());
    }
    if (criterion.status() != c.status()) {
      problems.add(c.criterionId() + " is " + criterion.status() + ", expected " + c.status() + describe(criterion));
    }
    if (result.verdict() != c.verdict()) {
      problems.add("verdict " + result.verdict() + ", expected " + c.verdict() + "; excluding: "
          + result.reasons().stream().map(r -> r.criterion().id()).toList() + "; open questions: "
          + result.questions());
    }
    for (String check : c.checks()) problems.addAll(check(check, criterion));
    problems.addAll(ExclusionGrounds.ungrounded(result, ExclusionGrounds.facts(bundle)));
    if (!c.bug().isEmpty()) {
      assertThat(problems).as("case %s:%d is marked BUG (%s) but passes now: remove the mark", c.trialId(),
          c.line(), c.bug()).isNotEmpty();
      Assumptions.abort("BUG: " + c.bug() + " — " + problems);
    }
    assertThat(problems).as("%s (line %d)", c, c.line()).isEmpty();
  }

  /** Every criterion of every seed trial that the record can speak to has at least one case. */
  @Test
  void everySeedCriterionHasCases() {
    Map<String, Set<String>> covered = cases().collect(Collectors.groupingBy(GoldenCase::trialId,
        Collectors.mapping(GoldenCase::criterionId, Collectors.toCollection(TreeSet::new))));
    List<String> missing = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String trial : GoldenRegistry.SEED_TRIALS) {
      List<Criterion> criteria = GoldenRegistry.get().criteria(trial).orElseThrow().criteria();
      Set<String> ids = criteria.stream().map(Criterion::id).collect(Collectors.toSet());
      for (Criterion c : criteria) {
        if (!c.confirmAtScreening() && !covered.getOrDefault(trial, Set.of()).contains(c.id())) {
          missing.add(trial + " " + c.id());
        }
      }
      for (String id : covered.getOrDefault(trial, Set.of())) if (!ids.contains(id)) unknown.add(trial + " " + id);
    }
    assertThat(missing).as("criteria without a golden case").isEmpty();
    assertThat(unknown).as("cases naming criteria the trial does not have").isEmpty();
  }

  private static List<String> check(String check, CriterionResult r) {
    int tilde = check.indexOf('~');
    if (tilde < 0) throw new IllegalArgumentException("unknown check '" + check + "'");
    String what = check.substring(0, tilde);
    String text = check.substring(tilde + 1).toLowerCase(Locale.ROOT);
    List<String> haystack = switch (what) {
      case "question" -> r.questions();
      case "evidence" -> r.evidence().stream().map(e -> e.resource() + " " + e.description() + " " + e.date()).toList();
      default -> throw new IllegalArgumentException("unknown check '" + check + "'");
    };
    if (haystack.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(text))) return List.of();
    return List.of("no " + what + " contains '" + text + "': " + haystack);
  }

  private static String describe(CriterionResult r) {
    return "; evidence " + r.evidence().stream().map(e -> e.resource() + " " + e.description()).toList()
        + ", questions " + r.questions();
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
