package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * Thromboses as hospitals code them, read with the real HAPI reader and judged as of {@link Readers#AS_OF}
 * (2026-03-01) against "… within 3 months" (an event, counted by its onset) and "History of …" (any time)
 * (DECISIONS 68).
 */
class ThromboticEventRecordsTest {

  private static String bundle(String... conditions) {
    return """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1968-02-11", "gender": "male"}},
         %s]}""".formatted(String.join(",", conditions));
  }

  private static String condition(String id, String icd10cm, String display, String dates) {
    return """
        {"resource": {"resourceType": "Condition", "id": "%s", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "active"}]},
         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s", "display": "%s"}]},
         %s}}""".formatted(id, icd10cm, display, dates);
  }

  private static Truth judge(ConditionRule rule, String json) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static ConditionRule within90(String concept) {
    return new ConditionRule(Set.of(concept), Set.of(), new TimeWindow.WithinDays(90, true), concept);
  }

  @Test
  void anAcuteDeepVeinThrombosisOrPulmonaryEmbolismCodedOnlyByItsIcdCodeCounts() {
    String femoral = bundle(condition("dvt", "I82.411", "Acute embolism and thrombosis of right femoral vein",
        "\"onsetDateTime\": \"2026-01-20\""));
    String embolism = bundle(condition("pe", "I26.99", "Other pulmonary embolism without acute cor pulmonale",
        "\"onsetDateTime\": \"2026-02-02\""));
    assertThat(judge(within90("deep-vein-thrombosis"), femoral)).as("DVT six weeks ago").isEqualTo(Truth.MET);
    assertThat(judge(within90("venous-thromboembolism"), femoral)).as("VTE six weeks ago").isEqualTo(Truth.MET);
    assertThat(judge(within90("pulmonary-embolism"), embolism)).as("PE four weeks ago").isEqualTo(Truth.MET);
    assertThat(judge(within90("arterial-thromboembolic-event"), femoral)).as("a DVT is no arterial event")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPersonalHistoryCodeWrittenLastMonthIsNoThrombosisThatBeganThen() {
    String history = bundle(condition("hx", "Z86.718", "Personal history of other venous thrombosis and embolism",
        "\"onsetDateTime\": \"2026-02-10\", \"recordedDate\": \"2026-02-10\""));
    assertThat(judge(within90("thromboembolic-event"), history)).as("its date is the note's, not the event's")
        .isNotEqualTo(Truth.MET);
    assertThat(judge(within90("venous-thromboembolism"), history)).isNotEqualTo(Truth.MET);
    ConditionRule ever = new ConditionRule(Set.of("thromboembolic-event"), Set.of(), TimeWindow.EVER, "thrombosis");
    assertThat(judge(ever, history)).as("History of thrombosis: the history code's words name one").isEqualTo(Truth.MET);
    for (String text : new String[] {"History of DVT", "H/O deep vein thrombosis", "Personal history of DVT",
        "Hx of pulmonary embolism"}) {
      String written = bundle("""
          {"resource": {"resourceType": "Condition", "id": "hx", "subject": {"reference": "Patient/p1"},
           "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z86.718"}], "text": "%s"},
           "onsetDateTime": "2026-02-10"}}""".formatted(text));
      assertThat(judge(within90("thromboembolic-event"), written)).as(text + " written last month")
          .isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aHealedInfarctionOrTheSequelaOfAStrokeCodedLastMonthIsNoEventThatBeganThen() {
    String[][] entries = {{"I25.2", "NSTEMI", "myocardial-infarction"}, {"I25.2", "Myocardial infarction",
        "myocardial-infarction"}, {"I69.354", "Stroke", "stroke"}, {"I69.30", "Cerebral infarction", "stroke"}};
    for (String[] entry : entries) {
      String json = bundle("""
          {"resource": {"resourceType": "Condition", "id": "c", "subject": {"reference": "Patient/p1"},
           "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
             "code": "active"}]},
           "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s"}], "text": "%s"},
           "onsetDateTime": "2026-02-10"}}""".formatted(entry[0], entry[1]));
      assertThat(judge(within90(entry[2]), json)).as(entry[0] + " " + entry[1] + " written last month")
          .isNotEqualTo(Truth.MET);
      ConditionRule ever = new ConditionRule(Set.of(entry[2]), Set.of(), TimeWindow.EVER, entry[2]);
      assertThat(judge(ever, json)).as(entry[0] + " " + entry[1] + ": had one").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aResolvedOldDeepVeinThrombosisOrOneDatedOnlyByItsRecordingIsNoRecentOne() {
    String resolved = bundle("""
        {"resource": {"resourceType": "Condition", "id": "dvt", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
           "code": "resolved"}]},
         "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I82.401"}],
           "text": "Deep vein thrombosis of right leg"},
         "onsetDateTime": "2019-04-02", "abatementDateTime": "2019-10-01"}}""");
    String recordedOnly = bundle(condition("dvt", "I82.402", "Acute embolism and thrombosis of unspecified deep veins"
        + " of left lower extremity", "\"recordedDate\": \"2026-02-10\""));
    ConditionRule ever = new ConditionRule(Set.of("thromboembolic-event"), Set.of(), TimeWindow.EVER, "thrombosis");
    assertThat(judge(within90("venous-thromboembolism"), resolved)).as("DVT of 2019, resolved").isEqualTo(Truth.NOT_MET);
    assertThat(judge(ever, resolved)).as("History of thrombosis: the DVT of 2019").isEqualTo(Truth.MET);
    assertThat(judge(within90("deep-vein-thrombosis"), recordedOnly)).as("recorded last month, onset not given")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(judge(ever, recordedOnly)).isEqualTo(Truth.MET);
  }
}
