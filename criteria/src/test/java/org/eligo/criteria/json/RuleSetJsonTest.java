package org.eligo.criteria.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.AgeRule;
import org.eligo.core.rule.AllOf;
import org.eligo.core.rule.AllergyRule;
import org.eligo.core.rule.AnyOf;
import org.eligo.core.rule.Ask;
import org.eligo.core.rule.AtLeast;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.ImmunizationRule;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.PregnancyRule;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.RuleOrigin;
import org.eligo.core.rule.ScreeningConfirmation;
import org.eligo.core.rule.SexRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.trial.RegistryAge;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.criteria.lexicon.TerminologyLexicon;
import org.eligo.criteria.parse.TestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSetJsonTest {
  static final RuleSetJson CHECKED = RuleSetJson.checkedAgainst(TerminologyLexicon.bundled());
  static final RuleSetJson STRUCTURAL = RuleSetJson.structural();

  /** One of every rule kind and timing form. */
  static CriteriaSet everyKind() {
    List<Rule> rules = List.of(
        new AgeRule(new RegistryAge(28, RegistryAge.Unit.DAYS), false, new RegistryAge(14, RegistryAge.Unit.YEARS), true),
        new SexRule(EnumSet.of(Sex.FEMALE)),
        new MeasurementRule("platelets", "platelet count", Comparator.GE, 20, false, "10*9/L", 30, 7),
        new MeasurementRule("alt", "ALT", Comparator.LE, 3, true, "U/L", 90, null),
        new ConditionRule(Set.of("malignancy"), Set.of("basal-cell-carcinoma-of-skin"), TimeWindow.within(1825), "cancer"),
        new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.ContinuousFor(180, 30), "CsA"),
        new MedicationRule(Set.of("antithymocyte-globulin"), new MedicationTiming.AtLeastDaysBefore(365, true), "ATG"),
        new MedicationRule(Set.of("danazol"), new MedicationTiming.ForAtLeastDays(90), "danazol"),
        new MedicationRule(Set.of("sirolimus"), new MedicationTiming.WithinDays(84), "sirolimus"),
        new MedicationRule(Set.of("anticoagulant"), MedicationTiming.CURRENT, "anticoagulant"),
        new ProcedureRule(Set.of("hematopoietic-stem-cell-transplantation"), TimeWindow.EVER, "HSCT"),
        new ImmunizationRule(Set.of("live-vaccine"), TimeWindow.within(30), "live vaccine"),
        new AllergyRule(Set.of("sirolimus"), true, "sirolimus"),
        new PregnancyRule(PregnancyRule.State.LACTATING, 14),
        org.eligo.core.rule.ViralLoadRule.detectable("hbv-dna", "hepatitis-b", "HBV DNA"),
        new org.eligo.core.rule.ViralLoadRule("hiv-1-rna", "hiv-infection", "HIV-1 RNA", Comparator.LT, 50,
            "{copies}/mL", 30),
        new AtLeast(2, List.of(new Ask("a?"), new Unparsed("b"), new ScreeningConfirmation("c"))),
        new Not(new AnyOf(List.of(PregnancyRule.pregnant(), new AllOf(List.of(new ConditionRule(Set.of("infection"),
            Set.of(), TimeWindow.ACTIVE, "infection"), new Ask("uncontrolled?")))))),
        new ConditionRule(Set.of("myocardial-infarction"), Set.of(), TimeWindow.began(180), "myocardial infarction"));
    List<Criterion> criteria = new java.util.ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      criteria.add(new Criterion("inc-" + (i + 1), i % 2 == 0 ? CriterionType.INCLUSION : CriterionType.EXCLUSION,
          "sentence " + i, rules.get(i), i == 0 ? RuleOrigin.REGISTRY_FIELDS : RuleOrigin.CURATED));
    }
    return new CriteriaSet("NCT00000000", criteria);
  }

  @Test
  void everyRuleKindRoundTripsThroughReadableJson() {
    CriteriaSet set = everyKind();
    String json = CHECKED.write(set, Map.of("inc-3", "a note"));
    assertThat(json).contains("\"kind\" : \"atLeast\"").contains("\"comparator\" : \"≥\"").contains("\"note\" : \"a note\"");
    assertThat(json).contains("\"beganWithinDays\" : 180").contains("\"withinDays\" : 1825");
    RuleFileReading reading = CHECKED.read(json);
    assertThat(reading.problems()).isEmpty();
    assertThat(reading.file().criteria()).isEqualTo(set);
    assertThat(reading.file().notes()).containsExactly(Map.entry("inc-3", "a note"));
  }

  static Stream<String> trials() {
    return TestTexts.trialIds().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trials")
  void parsedRuleSetsRoundTrip(String nctId) {
    CriteriaSet set = CriteriaCompiler.standard().parse(nctId, TestTexts.criteria(nctId));
    RuleFileReading reading = CHECKED.read(CHECKED.write(set));
    assertThat(reading.problems()).isEmpty();
    assertThat(reading.file().criteria()).isEqualTo(set);
  }

  static Stream<Arguments> invalidFiles() {
    String head = "{\"trialId\":\"NCT1\",\"criteria\":[{\"id\":\"inc-1\",\"type\":\"inclusion\",\"text\":\"t\",\"rule\":";
    String tail = "}]}";
    return Stream.of(
        Arguments.of("{not json", "$", "not valid JSON"),
        Arguments.of("[]", "$", "expected an object"),
        Arguments.of("{\"trialId\":\"NCT1\"}", "$.criteria", "missing or not an array"),
        Arguments.of(head + "{\"kind\":\"magic\"}" + tail, "$.criteria[0].rule.kind", "unknown rule kind 'magic'"),
        Arguments.of(head + "{\"kind\":\"measurement\",\"measure\":\"anc\",\"threshold\":1,\"unit\":\"10*9/L\"}"
            + tail, "$.criteria[0].rule.comparator", "missing field"),
        Arguments.of(head + "{\"kind\":\"measurement\",\"measure\":\"anc\",\"comparator\":\"=>>\",\"threshold\":1}"
            + tail, "$.criteria[0].rule.comparator", "bad comparator '=>>'"),
        Arguments.of(head + "{\"kind\":\"measurement\",\"measure\":\"neutrophilz\",\"comparator\":\"<\",\"threshold\":1}"
            + tail, "$.criteria[0].rule.measure", "unknown measure key 'neutrophilz'"),
        Arguments.of(head + "{\"kind\":\"measurement\",\"measure\":\"anc\",\"comparator\":\"<\",\"threshold\":500,"
            + "\"unit\":\"/uL\"}" + tail, "$.criteria[0].rule.unit", "not the canonical unit"),
        Arguments.of(head + "{\"kind\":\"anyOf\",\"rules\":[{\"kind\":\"condition\",\"concepts\":[\"mds\"]}]}" + tail,
            "$.criteria[0].rule.rules[0].concepts[0]", "unknown concept id 'mds'"),
        Arguments.of(head + "{\"kind\":\"condition\",\"concepts\":[\"malignancy\"],\"window\":\"lately\"}" + tail,
            "$.criteria[0].rule.window", "unknown window 'lately'"),
        Arguments.of(head + "{\"kind\":\"atLeast\",\"count\":3,\"rules\":[{\"kind\":\"ask\",\"question\":\"q\"}]}" + tail,
            "$.criteria[0].rule.count", "more than the 1 rules"),
        Arguments.of(head + "{\"kind\":\"age\"}" + tail, "$.criteria[0].rule", "needs \"min\" or \"max\""),
        Arguments.of(head + "{\"kind\":\"viralLoad\",\"test\":\"hbv-dna\",\"infection\":\"hepatitis-b\","
            + "\"comparator\":\">\",\"threshold\":3.3,\"unit\":\"[log_10]{IU}/mL\"}" + tail,
            "$.criteria[0].rule.unit", "expected [IU]/mL or {copies}/mL"),
        Arguments.of(head + "{\"kind\":\"viralLoad\",\"test\":\"hbsag\",\"infection\":\"hepatitis-b\","
            + "\"result\":\"detectable\"}" + tail, "$.criteria[0].rule.test", "is no viral-load test"),
        Arguments.of(head + "{\"kind\":\"ask\",\"question\":\"q\",\"colour\":\"red\"}" + tail,
            "$.criteria[0].rule.colour", "unknown field"),
        Arguments.of("{\"trialId\":\"NCT1\",\"criteria\":[{\"id\":\"x\",\"type\":\"sometimes\",\"text\":\"t\","
            + "\"rule\":{\"kind\":\"ask\",\"question\":\"q\"}}]}", "$.criteria[0].type", "unknown type 'sometimes'"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidFiles")
  void invalidFilesReportTheJsonPathAndReason(String json, String path, String message) {
    RuleFileReading reading = CHECKED.read(json);
    assertThat(reading.valid()).isFalse();
    assertThat(reading.file()).isNull();
    assertThat(reading.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo(path);
      assertThat(p.message()).contains(message);
    });
  }

  @Test
  void structuralReadingAcceptsIdsTheTerminologyDoesNotKnow() {
    String json = "{\"trialId\":\"NCT1\",\"criteria\":[{\"id\":\"inc-1\",\"type\":\"inclusion\",\"text\":\"t\","
        + "\"rule\":{\"kind\":\"condition\",\"concepts\":[\"not-a-concept\"]}}]}";
    assertThat(STRUCTURAL.read(json).valid()).isTrue();
    assertThat(CHECKED.read(json).valid()).isFalse();
  }

  @Test
  void defaultsApplyWhenOptionalFieldsAreLeftOut() {
    RuleFileReading.Single r = CHECKED.readRule("{\"kind\":\"measurement\",\"measure\":\"anc\",\"comparator\":\">=\","
        + "\"threshold\":0.5}");
    assertThat(r.problems()).isEmpty();
    assertThat(r.rule()).isEqualTo(new MeasurementRule("anc", "Absolute neutrophil count", Comparator.GE, 0.5, false,
        "10*9/L", MeasurementRule.DEFAULT_RECENCY_DAYS, null));
  }

  @Test
  void aBundledFileThatMustBeValidThrowsWithEveryProblem() {
    assertThatThrownBy(() -> CHECKED.readValid("{\"trialId\":\"NCT1\",\"criteria\":[{\"id\":\"a\"}]}", "x.json"))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("x.json")
        .hasMessageContaining("$.criteria[0].type: missing field")
        .hasMessageContaining("$.criteria[0].text: missing field")
        .hasMessageContaining("$.criteria[0].rule: missing field");
  }
}
